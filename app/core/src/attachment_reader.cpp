#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/i18n.h"

#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

// An output stream buffer over a fixed-size SecretBuffer: the bytes land in
// guarded, wiped memory with no intermediate std::string or vector.
class SecretSink : public std::streambuf {
public:
    explicit SecretSink(SecretBuffer& target) : target_(target) {}
    std::size_t written() const noexcept { return written_; }

protected:
    std::streamsize xsputn(const char* data, std::streamsize count) override {
        const auto n = static_cast<std::size_t>(count);
        if (n > target_.size() - written_) return 0;  // more than recorded: the store reports it
        std::memcpy(target_.mutable_bytes().data() + written_, data, n);
        written_ += n;
        return count;
    }
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
    }

private:
    SecretBuffer& target_;
    std::size_t written_ = 0;
};

}  // namespace

SecretBuffer read_attachment(Session& session, std::int64_t attachment_id, std::uint64_t max_bytes) {
    storage::AttachmentStore store(session.db());
    const auto record = store.get(attachment_id);
    if (!record) throw Error(ErrorKind::NotFound, tr_args("no attachment with id {1}", {std::to_string(attachment_id)}));
    if (record->size > max_bytes) throw Error(ErrorKind::Invalid, tr("This file is too large to preview; extract a copy to open it."));
    SecretBuffer bytes(static_cast<std::size_t>(record->size));
    SecretSink sink(bytes);
    std::ostream out(&sink);
    store.extract(attachment_id, out);  // checks size and SHA-256 as it streams
    if (!out || sink.written() != bytes.size())
        throw Error(ErrorKind::Integrity, tr("the stored file does not match its recorded size"));
    return bytes;
}

}  // namespace fv::core
