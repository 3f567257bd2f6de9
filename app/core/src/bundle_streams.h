#pragma once
// std::streambuf adapters between the vault's streams (AttachmentStore::import
// takes an istream) and the bundle's item API, so attachments flow from a
// bundle into the vault 64 KiB at a time, in constant memory; and hashing
// adapters for the bundle file itself.
#include <cstdint>
#include <istream>
#include <ostream>
#include <streambuf>
#include <vector>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/crypto/parallel_hash.h"
#include "fieldvault/crypto/threaded_sink.h"

namespace fv::core::detail {

// Bytes read come from BundleReader::read (the current item): end of stream
// once the item is complete and its size and SHA-256 checked.
class BundleItemSource : public std::streambuf {
public:
    explicit BundleItemSource(crypto::BundleReader& reader);

protected:
    int_type underflow() override;

private:
    crypto::BundleReader& reader_;
    std::vector<char> buffer_;
};

// Forwards to `target` and hashes and counts what passes (the bundle file's
// SHA-256). Hashing and writing run on a thread of their own, beside the
// encryption that feeds this stream; finish() flushes and waits for them.
class HashingSink : public std::streambuf {
public:
    explicit HashingSink(std::ostream& target);
    ~HashingSink() override;
    crypto::Sha256Digest finish();
    std::uint64_t bytes() const noexcept { return bytes_; }

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

private:
    crypto::Sha256 hash_;
    std::uint64_t bytes_ = 0;
    crypto::ThreadedSink stage_;  // last: stopped before the members it uses go; gathers writes in batches
};

// Reads from `source` and hashes what passes (the bundle file's SHA-256),
// beside the decryption that reads this stream (ParallelSha256).
class HashingSource : public std::streambuf {
public:
    explicit HashingSource(std::istream& source);
    crypto::Sha256Digest finish();
    bool failed() const noexcept { return failed_; }

protected:
    int_type underflow() override;

private:
    std::istream& source_;
    std::vector<char> buffer_;
    crypto::ParallelSha256 hash_;
    bool failed_ = false;
};

}  // namespace fv::core::detail
