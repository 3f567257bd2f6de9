#pragma once
// SQLite keeps decrypted pages in its page cache and copies of values in
// statement memory; freed, they would stay in the heap as plaintext. Before the
// first connection, storage installs a SQLite allocator that zeroes every block
// when it is freed or moved.
namespace fv::storage::detail {

// Idempotent. Returns false if SQLite was already initialised by someone else
// (the allocator can only be chosen before that); the vault still works.
bool install_wiping_sqlite_allocator() noexcept;

// Zeroes the 64 KiB of stack below the caller: deeper calls made while the vault
// was open (JSON serialisation, hashing, SQLite) leave report text there.
void scrub_stack() noexcept;

}  // namespace fv::storage::detail
