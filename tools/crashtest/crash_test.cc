// geokg_crashtest: kills `geokg ingest` at random moments and checks that nothing is lost or
// doubled.
//
//   geokg_crashtest [--geokg PATH] [--data DIR] [--articles N] [--trials T] [--seed S]
//                   [--threads N] [--work DIR] [--keep]
//
// Writes a synthetic corpus of N articles (tools/crashtest/synthetic_corpus.h), ingests it once
// into a clean database and dumps that. Then, per trial: starts `geokg ingest` on a fresh database,
// sends it SIGKILL after a random delay within the clean run's duration, checks that what survived
// is exactly the clean run's first articles (no half article, no counter ahead of the data), runs
// the whole ingest again, and checks that the database now equals the clean one: every actor,
// relation type, article and edge with all their fields, no more and no fewer. Exit status 0 when
// every trial passes, 1 otherwise, 2 on wrong usage.
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tools/crashtest/store_dump.h"
#include "tools/crashtest/synthetic_corpus.h"

namespace geokg::crashtest {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Config {
  std::string geokg;
  std::string data = GEOKG_DATA_DIR;
  std::size_t articles = 10000;
  int trials = 3;
  std::uint32_t seed = 1;
  std::string threads = "0";
  std::string work;
  bool keep = false;
};

// The geokg program built beside this one.
std::string SiblingGeokg() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "geokg" : (self.parent_path() / "geokg").string();
}

constexpr const char* kUsage =
    "usage: geokg_crashtest [--geokg PATH] [--data DIR] [--articles N] [--trials T] [--seed S]\n"
    "                       [--threads N] [--work DIR] [--keep]\n";

int Usage(const std::string& message) {
  fmt::print(stderr, "geokg_crashtest: {}\n{}", message, kUsage);
  return 2;
}

bool ParseNumber(const std::string& text, unsigned long long max, unsigned long long* out) {
  char* end = nullptr;
  errno = 0;
  *out = std::strtoull(text.c_str(), &end, 10);
  return !text.empty() && *end == '\0' && errno == 0 && *out <= max;
}

// Parses argv into `config`; the message when it is wrong.
std::string ParseArgs(int argc, char** argv, Config* config) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--keep") {
      config->keep = true;
      continue;
    }
    if (i + 1 >= argc) return fmt::format("{} needs a value", flag);
    const std::string value = argv[++i];
    unsigned long long n = 0;
    if (flag == "--geokg") {
      config->geokg = value;
    } else if (flag == "--data") {
      config->data = value;
    } else if (flag == "--work") {
      config->work = value;
    } else if (flag == "--articles" && ParseNumber(value, 1u << 24, &n) && n > 0) {
      config->articles = n;
    } else if (flag == "--trials" && ParseNumber(value, 100000, &n)) {
      config->trials = static_cast<int>(n);
    } else if (flag == "--seed" && ParseNumber(value, UINT32_MAX, &n)) {
      config->seed = static_cast<std::uint32_t>(n);
    } else if (flag == "--threads" && ParseNumber(value, 1024, &n)) {
      config->threads = value;
    } else {
      return fmt::format("bad option {} {}", flag, value);
    }
  }
  if (config->geokg.empty()) config->geokg = SiblingGeokg();
  return {};
}

// A running `geokg ingest`, its output going to `log`.
class Ingest {
 public:
  Ingest(const Config& config, const std::string& db, const std::string& corpus,
         const std::string& log) {
    std::vector<std::string> args = {config.geokg, "ingest",    "--db",         db,    "--data",
                                     config.data,  "--threads", config.threads, corpus};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // RocksDB's background threads live on in this process: the child only makes async-signal-safe
    // calls before exec.
    pid_ = ::fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0 || ::dup2(fd, STDERR_FILENO) < 0) ::_exit(126);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }

  bool started() const { return pid_ > 0; }
  void Kill() { ::kill(pid_, SIGKILL); }

  // The raw wait status.
  int Wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
  }

 private:
  pid_t pid_ = -1;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs an ingest to its end; the message when it does not exit 0.
std::string RunToEnd(const Config& config, const std::string& db, const std::string& corpus,
                     const std::string& log) {
  Ingest ingest(config, db, corpus, log);
  if (!ingest.started())
    return fmt::format("cannot start {}: {}", config.geokg, std::strerror(errno));
  const int status = ingest.Wait();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  return fmt::format("geokg ingest failed (wait status {}):\n{}", status, ReadFile(log));
}

// The summary line geokg ingest ends with.
std::string SummaryLine(const std::string& log) {
  std::string text = ReadFile(log);
  const std::size_t at = text.rfind(" articles read: ");
  if (at == std::string::npos) return "no summary";
  const std::size_t begin = text.rfind('\n', at);
  const std::size_t end = text.find('\n', at);
  return text.substr(begin == std::string::npos ? 0 : begin + 1,
                     end == std::string::npos ? std::string::npos : end - begin - 1);
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Where the kills of the trials landed.
struct Tally {
  int passed = 0;
  int mid_ingest = 0;    // killed with some but not all articles stored
  int before_first = 0;  // killed before the first article was stored
  int after_last = 0;    // the ingest had stored everything (or ended) before the kill
};

// One trial; true when it passes. Prints what happened and counts where the kill landed.
bool RunTrial(const Config& config, int trial, const std::string& corpus, double clean_seconds,
              const StoreDump& clean, Tally* tally) {
  const fs::path dir = fs::path(config.work) / fmt::format("trial-{}", trial);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "db").string();
  const std::string log = (dir / "ingest.log").string();
  std::mt19937 rng(config.seed * 7919u + static_cast<std::uint32_t>(trial));
  const double delay = std::uniform_real_distribution<double>(0, clean_seconds)(rng);
  const std::string head = fmt::format("trial {}/{}:", trial, config.trials);

  Ingest ingest(config, db, corpus, log);
  if (!ingest.started()) {
    fmt::print("{} FAIL cannot start {}\n", head, config.geokg);
    return false;
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(delay));
  ingest.Kill();
  const int status = ingest.Wait();
  const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;

  std::size_t survived = 0;
  if (fs::exists(fs::path(db) / "CURRENT")) {
    auto partial = DumpStore(db);
    if (!partial.ok()) {
      fmt::print("{} FAIL after SIGKILL at {:.3f} s: {}\n", head, delay,
                 partial.status().message());
      return false;
    }
    if (std::string diff = PrefixDifference(clean, *partial); !diff.empty()) {
      fmt::print("{} FAIL after SIGKILL at {:.3f} s: {}\n", head, delay, diff);
      return false;
    }
    survived = partial->articles.size();
  }
  if (survived == 0) {
    ++tally->before_first;
  } else if (survived < clean.articles.size()) {
    ++tally->mid_ingest;
  } else {
    ++tally->after_last;
  }

  const std::string relog = (dir / "reingest.log").string();
  if (std::string error = RunToEnd(config, db, corpus, relog); !error.empty()) {
    fmt::print("{} FAIL re-ingest: {}\n", head, error);
    return false;
  }
  auto again = DumpStore(db);
  if (!again.ok()) {
    fmt::print("{} FAIL after re-ingest: {}\n", head, again.status().message());
    return false;
  }
  if (std::string diff = FirstDifference(clean, *again); !diff.empty()) {
    fmt::print("{} FAIL after re-ingest: {}\n", head, diff);
    return false;
  }
  fmt::print(
      "{} {} at {:.3f} s with {}/{} articles stored (a clean prefix); re-ingest: {}; equal "
      "to the clean run\n",
      head, killed ? "SIGKILL" : "finished before the kill", delay, survived, clean.articles.size(),
      SummaryLine(relog));
  if (!config.keep) fs::remove_all(dir);
  return true;
}

int Run(const Config& config) {
  fs::create_directories(config.work);
  const std::string corpus = (fs::path(config.work) / "corpus.jsonl").string();
  CorpusOptions corpus_options;
  corpus_options.articles = config.articles;
  if (Status s = WriteSyntheticCorpus(config.data, corpus_options, corpus); !s.ok()) {
    fmt::print(stderr, "geokg_crashtest: {}\n", s.message());
    return 1;
  }
  const std::string clean_db = (fs::path(config.work) / "clean").string();
  fs::remove_all(clean_db);
  const auto start = Clock::now();
  if (std::string error =
          RunToEnd(config, clean_db, corpus, (fs::path(config.work) / "clean.log").string());
      !error.empty()) {
    fmt::print(stderr, "geokg_crashtest: clean run: {}\n", error);
    return 1;
  }
  const double clean_seconds = Seconds(Clock::now() - start);
  auto clean = DumpStore(clean_db);
  if (!clean.ok()) {
    fmt::print(stderr, "geokg_crashtest: clean run: {}\n", clean.status().message());
    return 1;
  }
  fmt::print("clean run: {} articles in the corpus, {} stored, {} edges, {} actors, {:.2f} s\n",
             config.articles, clean->articles.size(), clean->edges, clean->actors.size(),
             clean_seconds);

  Tally tally;
  for (int trial = 1; trial <= config.trials; ++trial)
    tally.passed += RunTrial(config, trial, corpus, clean_seconds, *clean, &tally) ? 1 : 0;
  fmt::print(
      "{} of {} trials passed; killed mid-ingest {}, before the first article {}, after the "
      "last {}\n",
      tally.passed, config.trials, tally.mid_ingest, tally.before_first, tally.after_last);
  if (!config.keep) fs::remove_all(config.work);
  return tally.passed == config.trials ? 0 : 1;
}

}  // namespace

}  // namespace geokg::crashtest

int main(int argc, char** argv) {
  using geokg::crashtest::Config;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
      fmt::print(
          "{}Kills `geokg ingest` of a synthetic corpus with SIGKILL at random moments, re-ingests,\n"
          "and compares the database with a clean run. Exit 0 when every trial passes, 1 otherwise.\n",
          geokg::crashtest::kUsage);
      return 0;
    }
  }
  Config config;
  if (std::string error = geokg::crashtest::ParseArgs(argc, argv, &config); !error.empty())
    return geokg::crashtest::Usage(error);
  if (config.work.empty())
    config.work =
        (std::filesystem::temp_directory_path() / fmt::format("geokg-crashtest-{}", ::getpid()))
            .string();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  return geokg::crashtest::Run(config);
}
