// Runs the geokg binary for the end-to-end tests and captures what it prints.
#ifndef GEOKG_TESTS_CLI_RUN_H_
#define GEOKG_TESTS_CLI_RUN_H_

#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace geokg::testing {

struct RunResult {
  int status = -1;  // exit status
  std::string out;
  std::string err;
};

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("geokg-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Runs `geokg ARGS` through the shell (ARGS is shell text) in `dir`, with `input` on stdin; `prefix` goes
// before the program (environment assignments).
inline RunResult RunGeokg(const TempDir& dir, const std::string& args, const std::string& input = "",
                          const std::string& prefix = "") {
  std::string in = dir / "stdin.txt", out = dir / "stdout.txt", err = dir / "stderr.txt";
  std::ofstream(in, std::ios::binary) << input;
  std::string command = "cd '" + dir.path().string() + "' && " + prefix + " '" + GEOKG_BINARY + "' " + args + " <'" + in + "' >'" + out + "' 2>'" +
                        err + "'";
  int raw = std::system(command.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

inline std::string SampleArticles() { return std::string(GEOKG_DATA_DIR) + "/articles"; }

}  // namespace geokg::testing

#endif  // GEOKG_TESTS_CLI_RUN_H_
