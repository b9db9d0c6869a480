// Store::Open: opening a RocksDB database, its options, the lock and the format version.
#include "graph/rocksdb_store.h"

#include <fmt/format.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "graph/keys.h"

namespace geokg::graph {

namespace fs = std::filesystem;

namespace {

// Where the memtable keeps an insert position ("hint") per key prefix, so that a key written near
// the one written before it under the same prefix skips most of the skip list search that
// otherwise dominates an article's write. Edge and article records get ever larger ids, and the
// meta counters are rewritten by every article (their prefix is the whole key). Index keys share a
// hint per actor (out- and in-edges) or per date (the time index): an actor's next edge, or the
// next edge of a day, lands close to its last one. On 5,000 synthetic articles AddArticle took
// 2.3 G instructions with these hints, 3.0 G with one hint per family and 3.8 G with none.
class InsertHintPrefix final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "geokg.InsertHintPrefix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    switch (static_cast<keys::Family>(key[0])) {
      case keys::Family::kMeta: return key;
      case keys::Family::kOutEdge:
      case keys::Family::kInEdge:
      case keys::Family::kTime:
        // The tag and the first u32: source, target or date.
        if (key.size() >= 5) return rocksdb::Slice(key.data(), 5);
        break;
      default: break;
    }
    return rocksdb::Slice(key.data(), 1);
  }
  bool InDomain(const rocksdb::Slice& key) const override { return !key.empty(); }
};

// Tests and tools open many small databases on a 2-core machine: small memtables, one block cache
// shared by every store in the process, few background jobs, and only warnings in RocksDB's LOG.
// Read-only opens answer queries, whose expansions walk the edge indexes of many actors: their
// cache holds the whole index of a million-edge graph (46 MB of keys), where 8 MB made a 2-hop
// pattern re-read and re-check most blocks on every run. A cache takes memory only as blocks are
// read.
rocksdb::Options MakeOptions(const Store::Options& options) {
  static const std::shared_ptr<rocksdb::Cache> writer_cache = rocksdb::NewLRUCache(8 << 20);
  static const std::shared_ptr<rocksdb::Cache> reader_cache = rocksdb::NewLRUCache(256 << 20);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = options.read_only ? reader_cache : writer_cache;
  // Every article's duplicate check looks up an id that is usually absent: a Bloom filter answers
  // that without reading each table file's index.
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));

  rocksdb::Options rocks;
  rocks.create_if_missing = options.create_if_missing && !options.read_only;
  rocks.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  rocks.memtable_insert_with_hint_prefix_extractor = std::make_shared<InsertHintPrefix>();
  rocks.write_buffer_size = 4 << 20;
  rocks.max_write_buffer_number = 2;
  // Each L0 -> L1 compaction rewrites the overlapping part of L1, which during an ingest is most of
  // it; merging eight flushed tables at a time instead of four halves those rewrites. An ingest of
  // 20,000 synthetic articles took 11% less CPU; point reads stay cheap behind the Bloom filters.
  rocks.level0_file_num_compaction_trigger = 8;
  rocks.max_background_jobs = 2;
  rocks.keep_log_file_num = 2;
  rocks.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // A secondary instance (a read-only open) needs every table file open up front: the writer may
  // delete files after compacting them, and an open file stays readable on POSIX.
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
  // Every older layout is a subset of this one (version 2 only added an edge flag), so a writer
  // upgrades the stamp before it can store what an older geokg would misread as corrupt.
  if (*number < keys::kFormatVersion && !read_only) {
    rocksdb::WriteOptions write;
    write.sync = true;
    return FromRocks(db->Put(write, keys::MetaKey(keys::kMetaFormatVersion),
                             keys::EncodeU32(keys::kFormatVersion)),
                     "upgrading the format version of " + dir);
  }
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

// The current MANIFEST's name and size, which change whenever the writer records a flush or a
// compaction; empty when they cannot be read.
std::string ManifestState(const std::string& dir) {
  std::ifstream current(fs::path(dir) / "CURRENT");
  std::string name;
  if (!std::getline(current, name) || name.empty()) return {};
  std::error_code ec;
  const auto size = fs::file_size(fs::path(dir) / name, ec);
  return ec ? std::string() : fmt::format("{}:{}", name, size);
}

// A secondary instance opened while the writer flushes can miss what the flush moved: it reads the
// MANIFEST from before the flush and then finds the flushed log deleted (our stress test saw
// articles vanish from the middle of a snapshot, and table files go missing). So an open counts
// only when the MANIFEST did not change while it ran; otherwise the instance catches up with the
// writer and checks again. `before` is the state taken before the open.
Status SettleSecondary(rocksdb::DB* db, const std::string& dir, std::string before) {
  constexpr int kMaxCatchUps = 50;
  for (int attempt = 0;; ++attempt) {
    std::string after = ManifestState(dir);
    if (!after.empty() && after == before) return Status::OK();
    if (attempt == kMaxCatchUps)
      return Status::IOError(
          fmt::format("{} kept changing while it was opened for reading; try again", dir));
    before = std::move(after);
    if (Status s = FromRocks(db->TryCatchUpWithPrimary(), "reading " + dir); !s.ok()) return s;
  }
}

// A fresh private directory under the temp directory for a secondary instance.
Result<std::string> MakeSecondaryDir() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string path = (base / "geokg-reader-XXXXXX").string();
  if (::mkdtemp(path.data()) == nullptr)
    return Status::IOError(
        fmt::format("cannot create a directory for a read-only open under {}: {}", base.string(),
                    std::strerror(errno)));
  return path;
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

Status RocksDbStore::Compact() {
  if (read_only_)
    return Status::InvalidArgument("cannot compact: " + dir_ + " is opened read-only");
  if (Status s = FromRocks(db_->Flush(rocksdb::FlushOptions()), "flushing " + dir_); !s.ok())
    return s;
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
  return FromRocks(db_->CompactRange(options, nullptr, nullptr), "compacting " + dir_);
}

RocksDbStore::~RocksDbStore() {
  db_.reset();
  std::error_code ignored;
  if (!secondary_dir_.empty()) fs::remove_all(secondary_dir_, ignored);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const Options& options) {
  if (dir.empty()) return Status::InvalidArgument("no database directory given");
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

  // A read-only open is a RocksDB secondary instance (see store.h), which keeps its info log in a
  // directory of its own; the store removes it when closed, and so does this guard on failure.
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() {
      std::error_code ignored;
      if (!path.empty()) fs::remove_all(path, ignored);
    }
  } secondary;
  if (options.read_only) {
    auto made = MakeSecondaryDir();
    if (!made.ok()) return made.status();
    secondary.path = std::move(*made);
  }
  rocksdb::Options rocks = MakeOptions(options);
  const std::string manifest = options.read_only ? ManifestState(dir) : std::string();
  rocksdb::DB* raw = nullptr;
  rocksdb::Status opened = options.read_only
                               ? rocksdb::DB::OpenAsSecondary(rocks, dir, secondary.path, &raw)
                               : rocksdb::DB::Open(rocks, dir, &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  if (!opened.ok()) {
    if (IsLockError(opened)) return Status::Locked("database is locked by another process: " + dir);
    return FromRocks(opened, "opening " + dir);
  }
  if (options.read_only) {
    if (Status settled = SettleSecondary(raw, dir, manifest); !settled.ok()) return settled;
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
  auto store = std::make_unique<RocksDbStore>(std::move(db), dir, options.read_only, counters,
                                              std::move(secondary.path));
  secondary.path.clear();
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace geokg::graph
