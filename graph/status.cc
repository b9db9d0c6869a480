#include "graph/status.h"

namespace geokg {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: name = "Not found"; break;
    case Code::kInvalidArgument: name = "Invalid argument"; break;
    case Code::kIOError: name = "IO error"; break;
    case Code::kCorruption: name = "Corruption"; break;
    case Code::kLocked: name = "Locked"; break;
    case Code::kLimitExceeded: name = "Limit exceeded"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace geokg
