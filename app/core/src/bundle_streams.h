#pragma once
// std::streambuf adapters between the vault's streams (AttachmentStore::import
// takes an istream) and the bundle's item API, so attachments flow from a
// bundle into the vault in constant memory; and hashing adapters for the
// bundle file itself (its SHA-256 is recorded by export and import).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <istream>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <thread>
#include <vector>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/crypto/parallel_hash.h"

namespace fv::core::detail {

// Bytes read come from BundleReader::read (the current item): end of stream
// once the item is complete and its size and SHA-256 checked. A large read
// (istream::read) goes straight into the caller's buffer.
class BundleItemSource : public std::streambuf {
public:
    explicit BundleItemSource(crypto::BundleReader& reader);

protected:
    int_type underflow() override;
    std::streamsize xsgetn(char* s, std::streamsize n) override;

private:
    crypto::BundleReader& reader_;
    std::vector<char> buffer_;
};

// Forwards to `target` and hashes and counts what passes (the bundle file's
// SHA-256). Writing happens on the caller's thread; hashing on a thread of its
// own (ParallelSha256), beside the encryption that feeds this stream.
// finish() waits for the hash.
class HashingSink : public std::streambuf {
public:
    explicit HashingSink(std::ostream& target);
    crypto::Sha256Digest finish();
    std::uint64_t bytes() const noexcept { return bytes_; }

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

private:
    std::ostream& target_;
    crypto::ParallelSha256 hash_;
    std::uint64_t bytes_ = 0;
};

// Reads `source` ahead on a thread of its own, in blocks of 1 MiB, and hashes
// every block there (the bundle file's SHA-256) before handing it over; the
// reader of this stream gets the blocks in order without another copy. So
// reading the file and hashing it run beside the decryption. At most
// kDepth blocks are in flight. finish() is the SHA-256 of the whole source,
// once it has been read to its end.
class HashingSource : public std::streambuf {
public:
    explicit HashingSource(std::istream& source);
    ~HashingSource() override;
    HashingSource(const HashingSource&) = delete;
    HashingSource& operator=(const HashingSource&) = delete;
    crypto::Sha256Digest finish();
    bool failed() const noexcept;

protected:
    int_type underflow() override;

private:
    void run();
    std::vector<char> take_free();

    std::istream& source_;
    crypto::Sha256 hash_;  // used by the reading thread only, until finish()
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<char>> ready_;  // read and hashed, in order
    std::vector<std::vector<char>> free_;
    std::vector<char> current_;  // the block the get area points into
    bool holding_ = false;       // current_ is a block (to hand back at the next underflow)
    std::size_t in_flight_ = 0;  // blocks read ahead and not yet handed back
    bool ended_ = false;         // the thread has read everything (or failed)
    bool stopping_ = false;
    bool failed_ = false;
    std::exception_ptr error_;
    std::thread worker_;  // last: started once every member above exists
};

}  // namespace fv::core::detail
