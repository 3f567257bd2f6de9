#include "sensitive_echo.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace fv::core::detail {
namespace {

std::string folded(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Words split at ASCII white space and punctuation and at the common CJK
// punctuation marks; only those of 4 bytes or more.
std::vector<std::string> words_of(const std::string& text) {
    static constexpr std::string_view kCjkMarks[] = {"，", "。", "、", "；", "：", "！", "？", "（", "）", "“", "”"};
    std::vector<std::string> words;
    std::string word;
    // Latin words of 5 letters or more (shorter ones are mostly "that", "with"),
    // two or more Chinese characters (6 bytes).
    const auto flush = [&] {
        const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (word.size() >= (ascii ? 5u : 6u)) words.push_back(folded(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80 && !std::isalnum(c)) {
            flush();
            ++i;
            continue;
        }
        bool mark = false;
        for (const auto m : kCjkMarks) {
            if (text.compare(i, m.size(), m) == 0) {
                flush();
                i += m.size();
                mark = true;
                break;
            }
        }
        if (mark) continue;
        word += text[i++];
    }
    flush();
    return words;
}

std::string field_text(const storage::ReportContent& c, const std::string& field) {
    std::string out;
    const auto add = [&out](const std::string& t) { out += t + "\n"; };
    if (field == "title") add(c.title);
    else if (field == "place") add(c.place);
    else if (field == "host_city") add(c.host_city);
    else if (field == "origin_country") add(c.origin_country);
    else if (field == "identifiers") for (const auto& i : c.identifiers) add(i.value);
    else if (field == "perpetrators") for (const auto& p : c.perpetrators) { add(p.names); add(p.description); }
    else if (field == "relatives") for (const auto& r : c.relatives) { add(r.relationship); add(r.location); add(r.what_happened); add(r.by_whom); add(r.how_known); }
    else if (field == "narrative") add(c.narrative);
    else if (field == "translation") { add(c.translation); add(c.translator); }
    else if (field == "witnesses") for (const auto& w : c.witnesses) { add(w.name); add(w.contact); add(w.statement); }
    else if (field == "impact") add(c.impact_detail);
    else if (field == "reported_to") for (const auto& r : c.reported_to) { add(r.authority); add(r.reference); add(r.outcome); }
    return out;
}

// Everything that goes out as text.
std::string outgoing_text(const storage::ReportContent& c) {
    std::string out = c.title + "\n" + c.narrative + "\n" + c.translation + "\n" + c.translator + "\n" +
                      c.demands_detail + "\n" + c.impact_detail + "\n" + c.place + "\n" + c.host_city + "\n" +
                      c.host_country + "\n" + c.origin_country + "\n";
    for (const auto& i : c.identifiers) out += i.value + "\n";
    for (const auto& p : c.perpetrators) out += p.names + "\n" + p.description + "\n";
    for (const auto& r : c.relatives)
        out += r.relationship + "\n" + r.location + "\n" + r.what_happened + "\n" + r.by_whom + "\n" + r.how_known + "\n";
    for (const auto& w : c.witnesses) out += w.name + "\n" + w.contact + "\n" + w.statement + "\n";
    for (const auto& r : c.reported_to) out += r.authority + "\n" + r.reference + "\n" + r.outcome + "\n";
    return folded(out);
}

}  // namespace

std::vector<std::string> sensitive_words_still_told(const storage::ReportContent& original,
                                                    const storage::ReportContent& outgoing) {
    const auto sent = outgoing_text(outgoing);
    std::vector<std::string> fields;
    for (const auto& field : original.sensitive_fields) {
        const auto words = words_of(field_text(original, field));
        const bool told = std::any_of(words.begin(), words.end(),
                                      [&](const std::string& w) { return sent.find(w) != std::string::npos; });
        if (told && std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    }
    return fields;
}

}  // namespace fv::core::detail
