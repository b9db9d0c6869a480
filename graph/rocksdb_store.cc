// Store::Open: opening a RocksDB database, its options, the lock and the format version.
#include "graph/rocksdb_store.h"

#include <fmt/format.h>
#include <rocksdb/cache.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <filesystem>
#include <system_error>

#include "graph/keys.h"

namespace geokg::graph {

namespace {

// Tests and tools open many small databases on a 2-core machine: small memtables, one block cache
// shared by every store in the process, few background jobs, and only warnings in RocksDB's LOG.
rocksdb::Options MakeOptions(const Store::Options& options) {
  static const std::shared_ptr<rocksdb::Cache> block_cache = rocksdb::NewLRUCache(8 << 20);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = block_cache;

  rocksdb::Options rocks;
  rocks.create_if_missing = options.create_if_missing && !options.read_only;
  rocks.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  rocks.write_buffer_size = 4 << 20;
  rocks.max_write_buffer_number = 2;
  rocks.max_background_jobs = 2;
  rocks.keep_log_file_num = 2;
  rocks.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // A read-only open beside a writer opens every table file up front: the writer may delete files
  // after compacting them, and an open file stays readable on POSIX, so the reader keeps a
  // consistent snapshot.
  rocks.max_open_files = options.read_only ? -1 : 256;
  return rocks;
}

// RocksDB reports a held LOCK file as an IO error naming the file: "lock hold by current process"
// when this process has the database open, or the fcntl failure when another process has.
bool IsLockError(const rocksdb::Status& status) {
  if (!status.IsIOError()) return false;
  std::string text = status.ToString();
  return text.find("/LOCK") != std::string::npos || text.find("lock hold by") != std::string::npos;
}

Result<bool> IsEmpty(rocksdb::DB* db, const std::string& dir) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
  it->SeekToFirst();
  if (!it->status().ok()) return FromRocks(it->status(), "reading " + dir);
  return !it->Valid();
}

// Checks the format version, writing the initial meta of a new database. Sets *initialised when the
// database has its meta.
Status CheckFormat(rocksdb::DB* db, const std::string& dir, bool read_only, bool* initialised) {
  auto version = ReadKey(db, keys::MetaKey(keys::kMetaFormatVersion));
  if (!version.ok()) return version.status();
  *initialised = version->has_value();
  if (!version->has_value()) {
    auto empty = IsEmpty(db, dir);
    if (!empty.ok()) return empty.status();
    if (!*empty)
      return Status::Corruption(dir + " is not a geokg database: it has no format version");
    // A read-only open of a database created but never initialised sees an empty graph.
    if (read_only) return Status::OK();
    rocksdb::WriteBatch init;
    init.Put(keys::MetaKey(keys::kMetaFormatVersion), keys::EncodeU32(keys::kFormatVersion));
    init.Put(keys::MetaKey(keys::kMetaNextActor), keys::EncodeU32(1));
    init.Put(keys::MetaKey(keys::kMetaNextArticle), keys::EncodeU32(1));
    init.Put(keys::MetaKey(keys::kMetaEdgeCount), keys::EncodeU64(0));
    rocksdb::WriteOptions write;
    write.sync = true;
    *initialised = true;
    return FromRocks(db->Write(write, &init), "initialising " + dir);
  }
  auto number = keys::DecodeU32(**version);
  if (!number.ok())
    return Status::Corruption(dir + ": bad format version: " + number.status().message());
  if (*number > keys::kFormatVersion)
    return Status::Corruption(
        fmt::format("database format version {} is newer than this geokg ({}): {}", *number,
                    keys::kFormatVersion, dir));
  if (*number == 0) return Status::Corruption(dir + ": format version 0 is not a geokg format");
  return Status::OK();
}

// Reads one meta counter; U is std::uint32_t or std::uint64_t.
template <class U>
Status ReadCounter(rocksdb::DB* db, const std::string& dir, std::string_view name, U* out) {
  auto value = ReadKey(db, keys::MetaKey(name));
  if (!value.ok()) return value.status();
  if (!value->has_value())
    return Status::Corruption(
        fmt::format("{}: database meta counter \"{}\" is missing", dir, name));
  auto decoded = [&] {
    if constexpr (sizeof(U) == sizeof(std::uint32_t)) {
      return keys::DecodeU32(**value);
    } else {
      return keys::DecodeU64(**value);
    }
  }();
  if (!decoded.ok())
    return Status::Corruption(
        fmt::format("{}: meta counter \"{}\": {}", dir, name, decoded.status().message()));
  *out = *decoded;
  return Status::OK();
}

Result<RocksDbStore::Counters> ReadCounters(rocksdb::DB* db, const std::string& dir) {
  RocksDbStore::Counters c;
  Status s = ReadCounter(db, dir, keys::kMetaNextActor, &c.next_actor);
  if (s.ok()) s = ReadCounter(db, dir, keys::kMetaNextArticle, &c.next_article);
  if (s.ok()) s = ReadCounter(db, dir, keys::kMetaEdgeCount, &c.edges);
  if (!s.ok()) return s;
  return c;
}

}  // namespace

Status FromRocks(const rocksdb::Status& status, std::string_view context) {
  if (status.ok()) return Status::OK();
  std::string message = fmt::format("{}: {}", context, status.ToString());
  if (status.IsNotFound()) return Status::NotFound(std::move(message));
  if (status.IsCorruption()) return Status::Corruption(std::move(message));
  return Status::IOError(std::move(message));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const Options& options) {
  if (dir.empty()) return Status::InvalidArgument("no database directory given");
  namespace fs = std::filesystem;
  std::error_code ec;
  bool exists = fs::exists(fs::path(dir) / "CURRENT", ec);
  if (!exists && (options.read_only || !options.create_if_missing))
    return Status::NotFound("no geokg database in " + dir);
  if (!exists) {
    // RocksDB creates only the last path component; a new database may be asked for in a new folder
    // tree.
    fs::create_directories(dir, ec);
    if (ec)
      return Status::NotFound(
          fmt::format("cannot create database directory {}: {}", dir, ec.message()));
  }

  rocksdb::Options rocks = MakeOptions(options);
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = options.read_only ? rocksdb::DB::OpenForReadOnly(rocks, dir, &raw)
                                             : rocksdb::DB::Open(rocks, dir, &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  if (!opened.ok()) {
    if (IsLockError(opened)) return Status::Locked("database is locked by another process: " + dir);
    return FromRocks(opened, "opening " + dir);
  }

  bool initialised = false;
  if (Status format = CheckFormat(raw, dir, options.read_only, &initialised); !format.ok())
    return format;
  RocksDbStore::Counters counters;
  if (initialised) {
    auto stored = ReadCounters(raw, dir);
    if (!stored.ok()) return stored.status();
    counters = *stored;
  }
  return std::unique_ptr<Store>(
      std::make_unique<RocksDbStore>(std::move(db), dir, options.read_only, counters));
}

}  // namespace geokg::graph
