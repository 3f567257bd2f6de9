#include "views/evidence_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"
#include "models/directory_listing.h"
#include "models/sound.h"
#include "platform/glyph_cache.h"
#include "platform/texture_backend.h"
#include "platform/theme.h"
#include "views/sound_player.h"
#include "views/view.h"

namespace fv::gui {
namespace fs = std::filesystem;
namespace {

// Larger files are not read into memory for a preview (extract them instead).
constexpr std::uint64_t kMaxPreviewBytes = 64ull << 20;

bool is_text(const core::AttachmentRecord& attachment) {
    return attachment.media_type.rfind("text/plain", 0) == 0 || attachment.media_type == "text/markdown";
}

// What a preview job fills in on the worker; read on the frame thread only
// after the job ended. Everything decrypted is wiped when it goes.
struct PreviewResult {
    std::optional<DecodedImage> image;
    std::optional<TextPreview> text;
    std::optional<Pcm> sound;  // SecretBuffer: wiped when it goes
    ~PreviewResult() {
        if (text) wipe_string(text->text);
    }
};

// Any directory entry counts as taken, a dangling symlink too (exists()
// follows links and would call it free; the exclusive create then refuses it).
bool is_taken(const fs::path& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

// `name` in `folder`, or "name (2).ext", "name (3).ext"... if taken. Core's
// extract refuses to replace a file in any case (rename without replacing).
fs::path free_name(const fs::path& folder, const std::string& name) {
    const fs::path base(name);
    if (!is_taken(folder / base)) return folder / base;
    const auto stem = base.stem().string();
    const auto extension = base.extension().string();
    for (int n = 2; n < 1000; ++n) {
        const auto candidate = folder / (stem + " (" + std::to_string(n) + ")" + extension);
        if (!is_taken(candidate)) return candidate;
    }
    throw Error(ErrorKind::Invalid, core::tr("This folder already holds too many copies of this file."));
}

}  // namespace

void EvidencePanel::draw(AppState& state, const std::vector<core::AttachmentRecord>& attachments,
                         bool can_attach, const Attach& attach, const Changed& changed, std::int64_t report_id) {
    changed_ = changed;
    if (can_attach) {
        ImGui::BeginDisabled(state.busy());
        if (ImGui::Button(core::tr("Choose a file to attach..."))) {
            browsing_to_extract_ = false;
            browser_.open(FileBrowser::Mode::File, core::tr("Attach a file"), state.last_attach_folder());
        }
        state.probe().item("evidence.browse");
        ImGui::EndDisabled();
        if (!memo_.recording_open()) ImGui::SameLine();
        memo_.draw(state, report_id, changed_);
    }
    draw_error(error_);
    draw_notice(notice_);
    if (!attachments.empty()) draw_table(state, attachments, can_attach);
    draw_change_popups(state);
    draw_preview(state);

    if (auto chosen = browser_.draw(state)) {
        if (browsing_to_extract_) {
            extract(state, extract_target_, *chosen);
        } else if (attach) {
            state.set_last_attach_folder(chosen->parent_path());
            attach(*chosen);
        }
        browsing_to_extract_ = false;
    }
}

void EvidencePanel::draw_table(AppState& state, const std::vector<core::AttachmentRecord>& attachments,
                               bool can_change) {
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##evidence", 5, kFlags)) return;
    const float em = ImGui::GetFontSize();
    // Wide enough for both small buttons at any text size (a fixed width in em cut off "Extract...").
    const auto& style = ImGui::GetStyle();
    const char* preview_label = core::tr("Preview");
    const char* extract_label = core::tr("Save a copy...");
    const char* caption_label = core::tr("Caption...");
    const char* remove_label = core::tr("Remove...");
    float actions_w = ImGui::CalcTextSize(preview_label).x + ImGui::CalcTextSize(extract_label).x +
                      style.FramePadding.x * 4.0f + style.ItemSpacing.x;
    if (can_change)  // a second line of buttons: the wider of the two lines
        actions_w = std::max(actions_w, ImGui::CalcTextSize(caption_label).x + ImGui::CalcTextSize(remove_label).x +
                                            style.FramePadding.x * 4.0f + style.ItemSpacing.x);
    // Header labels in the person's language; "###" keeps each column's id.
    ImGui::TableSetupColumn((std::string(core::tr("File name")) + "###name").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn((std::string(core::tr("Type")) + "###type").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 5.5f);
    ImGui::TableSetupColumn((std::string(core::tr("Size")) + "###size").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 4.0f);
    ImGui::TableSetupColumn((std::string(core::tr("Fingerprint")) + "###sha256").c_str(),
                            ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, actions_w);
    ImGui::TableHeadersRow();
    const bool busy = state.busy();
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        const auto& attachment = attachments[i];
        const std::string index = std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        glyphs::note(attachment.name);
        ImGui::TextUnformatted(attachment.name.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", attachment.name.c_str());
        if (!attachment.caption.empty()) {
            glyphs::note(attachment.caption);
            ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
            ImGui::TextWrapped("%s", attachment.caption.c_str());
            ImGui::PopStyleColor();
        }
        if (const auto risk = core::file_name_risk(attachment.name); risk != core::FileNameRisk::None) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted(risk == core::FileNameRisk::Program ? core::tr("Runs as a program if opened")
                                                                        : core::tr("Hidden file name"));
            ImGui::PopStyleColor();
            if (state.probe().enabled()) state.probe().item(("evidence.risk." + index).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", risk == core::FileNameRisk::Program
                                            ? core::tr("Do not open this file unless you trust where it came from.")
                                            : core::tr("A name starting with a dot is hidden in file managers."));
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(attachment.media_type.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", attachment.media_type.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(human_size(attachment.size).c_str());
        ImGui::TableNextColumn();
        // The full hash is long: its start here, the whole on hover, copied on click.
        const std::string short_hash = attachment.sha256.substr(0, 8) + "...";
        if (ImGui::Selectable(short_hash.c_str())) {
            ImGui::SetClipboardText(attachment.sha256.c_str());
            notice_ = core::tr("The file's fingerprint (SHA-256) was copied.");
        }
        if (state.probe().enabled()) state.probe().item(("evidence.sha." + index).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", core::tr_args("Fingerprint (SHA-256): {1}\nIt shows the file has not changed. "
                                                  "Click to copy it.",
                                                  {attachment.sha256})
                                        .c_str());
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(busy);
        if (ImGui::SmallButton(preview_label)) preview(state, attachment);
        if (state.probe().enabled()) state.probe().item(("evidence.preview." + index).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(extract_label)) {
            extract_target_ = attachment;
            browsing_to_extract_ = true;
            browser_.open(FileBrowser::Mode::Folder, core::tr("Save a copy into a folder"), default_extract_folder());
        }
        if (state.probe().enabled()) state.probe().item(("evidence.extract." + index).c_str());
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", core::tr("Writes a copy outside the vault, where it is not protected."));
        if (can_change) {
            if (ImGui::SmallButton(caption_label)) {
                changing_id_ = attachment.id;
                changing_name_ = attachment.name;
                caption_ = attachment.caption;
                open_caption_ = true;
            }
            if (state.probe().enabled()) state.probe().item(("evidence.caption." + index).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(remove_label)) {
                changing_id_ = attachment.id;
                changing_name_ = attachment.name;
                open_remove_ = true;
            }
            if (state.probe().enabled()) state.probe().item(("evidence.remove." + index).c_str());
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::EndTable();
}

bool EvidencePanel::remove(AppState& state, std::int64_t attachment_id) {
    wipe_string(error_);
    wipe_string(notice_);
    core::Session* session = state.session();
    if (session == nullptr) return false;
    try {
        core::AttachmentService(*session).remove(attachment_id);
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
    if (preview_id_ == attachment_id) drop_preview();
    notice_ = core::tr("The file was removed from the vault. The original on this computer, if you still have it, "
                       "was not touched.");
    if (changed_) changed_();
    return true;
}

bool EvidencePanel::set_caption(AppState& state, std::int64_t attachment_id, const std::string& caption) {
    wipe_string(error_);
    wipe_string(notice_);
    core::Session* session = state.session();
    if (session == nullptr) return false;
    try {
        core::AttachmentService(*session).set_caption(attachment_id, caption);
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
    if (changed_) changed_();
    return true;
}

void EvidencePanel::draw_change_popups(AppState& state) {
    const std::string caption_title = std::string(core::tr("What does this file show?")) + "###evidence_caption";
    const std::string remove_title = std::string(core::tr("Remove this file?")) + "###evidence_remove";
    if (std::exchange(open_caption_, false)) ImGui::OpenPopup(caption_title.c_str());
    if (std::exchange(open_remove_, false)) ImGui::OpenPopup(remove_title.c_str());
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(caption_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        glyphs::note(changing_name_);
        ImGui::TextUnformatted(changing_name_.c_str());
        ImGui::TextDisabled("%s", core::tr("A few words, e.g. \"his message after the call\". One line."));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type at once
        const bool enter = ImGui::InputText("##caption", &caption_, ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("evidence.caption_text");
        glyphs::note(caption_);
        if (ImGui::Button(core::tr("Save")) || enter) {
            set_caption(state, changing_id_, caption_);
            wipe_string(caption_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("evidence.caption_save");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel")) || escape) {
            wipe_string(caption_);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(remove_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(changing_name_.c_str());
        ImGui::TextUnformatted(core::tr("It is removed from the vault for good. This cannot be undone."));
        ImGui::TextUnformatted(core::tr("The original file on this computer is not touched."));
        if (ImGui::Button(core::tr("Remove for good"))) {
            remove(state, changing_id_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("evidence.remove_confirm");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Keep it")) || escape) ImGui::CloseCurrentPopup();
        ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
        state.probe().item("evidence.remove_keep");
        ImGui::EndPopup();
    }
}

void EvidencePanel::draw_preview(AppState& state) {
    if (preview_id_ == 0) return;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr_args("Preview: {1}", {preview_name_}).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(core::tr("Close preview"))) {
        drop_preview();
        return;
    }
    state.probe().item("evidence.close_preview");
    if (pdf_.active()) {
        pdf_.draw(state);
        return;
    }
    if (preview_loading_) {
        draw_notice(core::tr("Opening the file in memory..."));
        return;
    }
    if (!preview_message_.empty()) draw_notice(preview_message_);
    const float em = ImGui::GetFontSize();
    if (player_.loaded()) {
        draw_sound_player(state, player_);
    } else if (image_width_ > 0) {
        ImGui::TextDisabled("%s", core::tr_args("{1} x {2} pixels", {std::to_string(image_width_),
                                                                     std::to_string(image_height_)})
                                      .c_str());
        if (texture_ != nullptr) {
            // Fit within the column and about 20 lines, keeping the aspect ratio; never enlarged.
            const float max_w = ImGui::GetContentRegionAvail().x;
            const float max_h = em * 20.0f;
            const float scale = std::min({1.0f, max_w / static_cast<float>(image_width_),
                                          max_h / static_cast<float>(image_height_)});
            ImGui::Image(texture_, ImVec2(static_cast<float>(image_width_) * scale,
                                          static_cast<float>(image_height_) * scale));
        }
    } else if (!text_.text.empty()) {
        ImGui::BeginChild("##text_preview", ImVec2(0.0f, em * 14.0f), true);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(text_.text.data(), text_.text.data() + text_.text.size());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        if (text_.truncated) draw_notice(core::tr("Only the start of the file is shown."));
    }
}

void EvidencePanel::preview(AppState& state, const core::AttachmentRecord& attachment) {
    drop_preview();
    error_.clear();
    notice_.clear();
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    preview_id_ = attachment.id;
    preview_name_ = attachment.name;
    if (attachment.media_type == "application/pdf") {  // page by page, in memory (views/pdf_preview)
        pdf_.open(state, attachment);
        return;
    }
    preview_loading_ = true;
    auto result = std::make_shared<PreviewResult>();
    state.worker().submit(
        core::tr("Opening the file for a preview"),
        [session, result, id = attachment.id, text = is_text(attachment),
         sound = is_sound_attachment(attachment.media_type, attachment.name)](core::JobContext&) {
            const auto bytes = core::read_attachment(*session, id, kMaxPreviewBytes);
            // A text file is previewed as text even if it starts like an image ("BM...") or
            // sound. Sound by its type or name, or by its first bytes (an MP4 video is not
            // taken for M4A sound: MP4 bytes play only when named or typed as sound).
            const auto sniffed = sniff_sound(bytes.reveal());
            const bool sounds_like = sniffed == SoundFormat::Wav || sniffed == SoundFormat::Flac ||
                                     sniffed == SoundFormat::Ogg || sniffed == SoundFormat::Mp3 ||
                                     sniffed == SoundFormat::Aac;
            if (!text && (sound || sounds_like) && !looks_like_image(bytes.reveal())) {
                result->sound = decode_sound(bytes.reveal());  // played from wiped memory, never a file
            } else if (!text && looks_like_image(bytes.reveal())) {
                result->image = decode_image(bytes.reveal());
            } else if (text) {
                result->text = make_text_preview(bytes.reveal());
            } else {
                throw Error(ErrorKind::Invalid,
                            core::tr("There is no preview for this kind of file; save a copy to open it."));
            }
        },
        [this, result, id = attachment.id, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_ || id != preview_id_) return;  // locked or another preview meanwhile
            preview_loading_ = false;
            if (outcome.cancelled) {
                preview_message_ = core::tr("The preview was cancelled.");
                return;
            }
            if (!outcome.ok()) {
                preview_message_ = describe_error(outcome.error);
                return;
            }
            if (result->sound) {
                player_.load(std::move(*result->sound));
                result->sound.reset();
            } else if (result->image) {
                image_width_ = result->image->width;
                image_height_ = result->image->height;
                if (TextureBackend* backend = texture_backend()) {
                    texture_ = backend->create(result->image->rgba.reveal().data(), image_width_, image_height_);
                } else {
                    preview_message_ = core::tr("The picture is not drawn here (no graphics device).");
                }
                result->image.reset();  // the pixels now live in the texture only
            } else if (result->text) {
                std::swap(text_, *result->text);
                glyphs::note(text_.text);
                if (text_.text.empty()) preview_message_ = core::tr("This file is empty.");
            }
        });
}

void EvidencePanel::extract(AppState& state, const core::AttachmentRecord& attachment, const fs::path& folder) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    auto written = std::make_shared<fs::path>();
    state.worker().submit(
        core::tr("Writing a copy of the file"),
        [session, written, folder, id = attachment.id, name = attachment.name](core::JobContext& context) {
            *written = free_name(folder, core::sanitize_file_name(name));
            core::AttachmentService(*session).extract(id, *written, [&context](std::uint64_t done, std::uint64_t total) {
                context.set_progress(done, total);
                context.throw_if_cancelled();  // the partial copy is removed by core
            });
        },
        [this, written, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            if (outcome.cancelled) {
                notice_ = core::tr("Saving the copy was cancelled; nothing was written.");
            } else if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
            } else {
                notice_ = core::tr_args("A copy was written to {1}.", {display_path(*written)});
            }
        });
    extract_target_ = core::AttachmentRecord{};
}

void EvidencePanel::drop_preview() noexcept {
    player_.clear();  // stops the sound and wipes its samples
    if (texture_ != nullptr) {
        if (TextureBackend* backend = texture_backend()) backend->destroy(texture_);
        texture_ = nullptr;
    }
    image_width_ = image_height_ = 0;
    pdf_.clear();  // the document's bytes, the page's pixels and texture
    wipe_string(text_.text);
    text_.truncated = false;
    wipe_string(preview_name_);
    preview_message_.clear();
    preview_id_ = 0;
    preview_loading_ = false;
}

void EvidencePanel::clear() noexcept {
    drop_preview();
    browser_.close();
    browsing_to_extract_ = false;
    wipe_string(extract_target_.name);
    extract_target_ = core::AttachmentRecord{};
    wipe_string(error_);
    wipe_string(notice_);
    changing_id_ = 0;
    wipe_string(changing_name_);
    wipe_string(caption_);
    open_caption_ = open_remove_ = false;
    memo_.clear();  // a recording not kept is wiped
    changed_ = nullptr;
    ++generation_;
}

// Whatever clear() wipes that is data (the loading and browsing flags are not):
// the preview (texture, size, text, sound, name, message), a voice memo being
// recorded, the file chosen to
// extract, the messages and the open file browser.
bool EvidencePanel::holds_sensitive_data() const noexcept {
    return preview_id_ != 0 || pdf_.holds_sensitive_data() || texture_ != nullptr || image_width_ != 0 || image_height_ != 0 ||
           !text_.text.empty() || !preview_name_.empty() || !preview_message_.empty() || extract_target_.id != 0 ||
           !extract_target_.name.empty() || !error_.empty() || !notice_.empty() || browser_.is_open() ||
           changing_id_ != 0 || !changing_name_.empty() || !caption_.empty() || player_.holds_sensitive_data() ||
           memo_.holds_sensitive_data();
}

}  // namespace fv::gui
