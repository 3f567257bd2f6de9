// Test helper for the wrapped-narrative screenshot (issue 14): adds to a
// vault made by fieldvault_gui_make_test_vault an invented report whose
// narrative is a long Chinese paragraph and a long English one, with an
// English translation, so the screenshot shows both wrapped inside the form's
// fields. Invented text only. The passphrase is the first line of standard
// input. Usage: fieldvault_gui_make_wrapping_vault VAULT WORK
#include <string>

#include "fieldvault/core/reports.h"
#include "vault_maker.h"

int main(int argc, char** argv) {
    return fv::gui::test::run_vault_maker(argc, argv, "make_wrapping_vault", [](auto& session, const auto&) {
        const std::string chinese =
            "SAMPLE TEXT 示例文字。今年三月，两名自称是上海市公安局的人到我母亲家里，要求她打电话劝我回国，"
            "并说如果我继续在网上发表文章，「家里人会有麻烦」。她很害怕，第二天就给我打了电话，"
            "说他们还拍了她的身份证和我小时候的照片，问我在多伦多住在哪里、和谁来往。";
        const std::string english =
            "Two men who said they were from the Shanghai police came to my mother's flat in March and told her to "
            "call me and persuade me to come home; they said that if I kept writing online, the family would be in "
            "trouble. She was frightened and phoned me the next day.";
        fv::core::ReportContent content;
        content.title = "SAMPLE: police visit to my mother (long account)";
        content.occurred_start = "2026-03-14";
        content.date_precision = "day";
        content.host_country = "CA";
        content.host_city = "Toronto";
        content.tactics = {"coercion_by_proxy"};
        content.narrative = chinese + "\n\n" + english;
        content.narrative_language = "zh + en";
        content.translation = english + " " + english;
        content.translation_language = "en";
        fv::core::ReportService(session).create(content, "Self");
    });
}
