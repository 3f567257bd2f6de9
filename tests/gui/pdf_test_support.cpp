#include "pdf_test_support.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <openssl/evp.h>
#include <pango/pangocairo.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace fv::gui::test {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string md5(const std::string& input) {
    std::array<unsigned char, 16> out{};
    unsigned int length = 0;
    if (EVP_Digest(input.data(), input.size(), out.data(), &length, EVP_md5(), nullptr) != 1 || length != 16)
        throw std::runtime_error("MD5 failed");
    return std::string(reinterpret_cast<const char*>(out.data()), out.size());
}

std::string rc4(const std::string& key, const std::string& data) {
    std::array<std::uint8_t, 256> s{};
    for (std::size_t i = 0; i < 256; ++i) s[i] = static_cast<std::uint8_t>(i);
    std::size_t j = 0;
    for (std::size_t i = 0; i < 256; ++i) {
        j = (j + s[i] + static_cast<std::uint8_t>(key[i % key.size()])) & 0xffu;
        std::swap(s[i], s[j]);
    }
    std::string out = data;
    std::size_t a = 0, b = 0;
    for (char& c : out) {
        a = (a + 1) & 0xffu;
        b = (b + s[a]) & 0xffu;
        std::swap(s[a], s[b]);
        c = static_cast<char>(static_cast<std::uint8_t>(c) ^ s[(s[a] + s[b]) & 0xffu]);
    }
    return out;
}

std::string hex(const std::string& bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : bytes) {
        const auto b = static_cast<std::uint8_t>(c);
        out += kDigits[b >> 4];
        out += kDigits[b & 0xfu];
    }
    return out;
}

// The PDF reference's password padding (Algorithm 2, step a).
const std::string kPadding("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08"
                           "\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A",
                           32);

std::string padded(const std::string& password) { return (password + kPadding).substr(0, 32); }

}  // namespace

std::string make_pdf(const std::vector<PdfPageSpec>& pages) {
    std::string out;
    const double first_w = pages.empty() ? 100 : pages[0].width;
    const double first_h = pages.empty() ? 100 : pages[0].height;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, first_w, first_h);
    cairo_t* cr = cairo_create(surface);
    for (const auto& page : pages) {
        cairo_pdf_surface_set_size(surface, page.width, page.height);
        for (const auto& box : page.boxes) {
            cairo_set_source_rgb(cr, box.red, box.green, box.blue);
            cairo_rectangle(cr, box.x, box.y, box.width, box.height);
            cairo_fill(cr);
        }
        if (!page.text.empty()) {
            PangoLayout* layout = pango_cairo_create_layout(cr);
            PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 18");
            pango_layout_set_font_description(layout, font);
            pango_layout_set_text(layout, page.text.c_str(), -1);
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_move_to(cr, 20, page.height - 60);
            pango_cairo_show_layout(cr, layout);
            pango_font_description_free(font);
            g_object_unref(layout);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo could not write the PDF");
    return out;
}

namespace {

// One page of 200 x 300 points with a red square (20..120 from the top left),
// written by hand; encrypted (user password `user_password`, which may be
// empty: then only the owner password is set) if `encrypt`.
std::string hand_made_pdf(const std::string& user_password, int rotate, bool encrypt) {
    const std::string owner_password = "owner-" + user_password;
    const std::string id = md5("fieldvault pdf test id");
    const std::int32_t permissions = -4;
    std::string p_bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        p_bytes[static_cast<std::size_t>(i)] =
            static_cast<char>((static_cast<std::uint32_t>(permissions) >> (8 * i)) & 0xffu);
    // Algorithm 3 (O, revision 2) and Algorithm 2 (the file key, 5 bytes), Algorithm 4 (U).
    const std::string o = rc4(md5(padded(owner_password)).substr(0, 5), padded(user_password));
    const std::string key = md5(padded(user_password) + o + p_bytes + id).substr(0, 5);
    const std::string u = rc4(key, kPadding);
    // Algorithm 1: the key of object 4 generation 0 encrypts its stream.
    const std::string object_key = md5(key + std::string("\x04\x00\x00\x00\x00", 5)).substr(0, 10);
    const std::string plain = "1 0 0 rg 20 180 100 100 re f\n";
    const std::string contents = encrypt ? rc4(object_key, plain) : plain;

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    auto object = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Rotate " + std::to_string(rotate) +
           " /Contents 4 0 R /Resources << >> >>");
    object("<< /Length " + std::to_string(contents.size()) + " >>\nstream\n" + contents + "\nendstream");
    if (encrypt)
        object("<< /Filter /Standard /V 1 /R 2 /O <" + hex(o) + "> /U <" + hex(u) + "> /P " +
               std::to_string(permissions) + " >>");
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R" +
           (encrypt ? " /Encrypt 5 0 R" : "") + " /ID [<" + hex(id) + "> <" + hex(id) + ">] >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace

std::string make_encrypted_pdf(const std::string& user_password) { return hand_made_pdf(user_password, 0, true); }

std::string make_rotated_pdf(int degrees) { return hand_made_pdf("", degrees, false); }

}  // namespace fv::gui::test
