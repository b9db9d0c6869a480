#include "graph/testing.h"

#include <rocksdb/db.h>

#include <memory>

namespace geokg::graph::testing {

Status PutRawForTesting(const std::string& dir, const std::string& key, const std::string& value) {
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(rocksdb::Options(), dir, &raw);
  if (!s.ok()) return Status::IOError(s.ToString());
  std::unique_ptr<rocksdb::DB> db(raw);
  s = db->Put(rocksdb::WriteOptions(), key, value);
  if (!s.ok()) return Status::IOError(s.ToString());
  return Status::OK();
}

Status GetRawForTesting(const std::string& dir, const std::string& key, std::string* value) {
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir, &raw);
  if (!s.ok()) return Status::IOError(s.ToString());
  std::unique_ptr<rocksdb::DB> db(raw);
  s = db->Get(rocksdb::ReadOptions(), key, value);
  if (s.IsNotFound()) return Status::NotFound(key);
  if (!s.ok()) return Status::IOError(s.ToString());
  return Status::OK();
}

}  // namespace geokg::graph::testing
