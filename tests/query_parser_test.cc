// Unit tests of the Cypher lexer, parser and error positions, and of the engine's robustness to malformed
// input. What queries return is tested by the data files in tests/queries/.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query/engine.h"
#include "query/errors.h"
#include "query/lexer.h"
#include "query/parser.h"
#include "tests/query_fixture.h"

namespace {

using geokg::query::BinaryOp;
using geokg::query::Clause;
using geokg::query::Direction;
using geokg::query::Expr;
using geokg::query::Token;

std::string ErrorOf(std::string_view query) {
  auto parsed = geokg::query::Parse(query);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.status().IsInvalidArgument());
  return parsed.status().message();
}

}  // namespace

TEST_CASE("the lexer splits tokens and records their offsets", "[query][lexer]") {
  auto tokens = geokg::query::Lex("MATCH (a)-[:X*1..3]->(`b c`) RETURN 'it\\'s', 1.5e3, 42");
  REQUIRE(tokens.ok());
  std::vector<std::string> texts;
  for (const auto& t : *tokens) texts.push_back(t.text);
  CHECK(texts == std::vector<std::string>{"MATCH", "(", "a", ")", "-", "[", ":", "X", "*", "1", "..", "3", "]",
                                          "-", ">", "(", "b c", ")", "RETURN", "it's", ",", "1.5e3", ",", "42",
                                          ""});
  CHECK((*tokens)[9].kind == Token::Kind::kInteger);  // "1..3" is a range, not the float "1."
  CHECK((*tokens)[16].kind == Token::Kind::kQuotedName);
  CHECK((*tokens)[19].kind == Token::Kind::kString);
  CHECK((*tokens)[21].kind == Token::Kind::kFloat);
  CHECK((*tokens)[2].offset == 7);
  CHECK((*tokens)[2].end == 8);
  CHECK(tokens->back().kind == Token::Kind::kEnd);
}

TEST_CASE("lexer errors point at the offending character", "[query][lexer]") {
  auto unterminated = geokg::query::Lex("RETURN 'abc");
  REQUIRE_FALSE(unterminated.ok());
  CHECK(unterminated.status().message().find("line 1, column 8: unterminated string") != std::string::npos);

  auto escape = geokg::query::Lex("RETURN 'a\\qb'");
  REQUIRE_FALSE(escape.ok());
  CHECK(escape.status().message().find("column 10: unknown escape '\\q'") != std::string::npos);

  auto glued = geokg::query::Lex("RETURN 12abc");
  REQUIRE_FALSE(glued.ok());
  CHECK(glued.status().message().find("a number cannot run into a name") != std::string::npos);
}

TEST_CASE("error positions count lines and code points, and the caret lines up", "[query][errors]") {
  std::string message = ErrorOf("MATCH (a)\nRETURN 'Türkiye', )");
  CHECK(message.find("line 2, column 19") != std::string::npos);
  CHECK(message.find("\n  RETURN 'Türkiye', )\n" + std::string(20, ' ') + "^") != std::string::npos);

  auto p = geokg::query::PositionOf("ab\ncd", 4);
  CHECK(p.line == 2);
  CHECK(p.column == 2);

  // A tab before the error stays a tab under it, so the caret lines up at any tab width.
  auto tabbed = geokg::query::ErrorAt("\tRETURN )", 8, "syntax error", "here");
  CHECK(tabbed.message().find("\n  \tRETURN )\n  \t       ^") != std::string::npos);
}

TEST_CASE("nearest names are suggested only when close", "[query][errors]") {
  CHECK(geokg::query::Nearest("ACUSES", {"ACCUSES", "BLAMES"}) == "ACCUSES");
  CHECK(geokg::query::Nearest("accuses", {"ACCUSES", "BLAMES"}) == "ACCUSES");
  CHECK(geokg::query::Nearest("TOTALLY_DIFFERENT", {"ACCUSES", "BLAMES"}).empty());
  CHECK(geokg::query::Suggestion("Foo", {"State", "Group"}) == " (expected one of: State, Group)");
}

TEST_CASE("the parser builds the clauses and patterns written", "[query][parser]") {
  auto q = geokg::query::Parse(
      "MATCH p = (a:State {name: 'Iran'})<-[r:ACCUSES|BLAMES*2..]-(b), (c) "
      "OPTIONAL MATCH (a)-->(d) WHERE d.kind = 'group' "
      "RETURN DISTINCT a.name AS n, count(*) ORDER BY n DESC SKIP 1 LIMIT 5");
  REQUIRE(q.ok());
  REQUIRE(q->clauses.size() == 3);
  const Clause& match = q->clauses[0];
  CHECK_FALSE(match.optional);
  REQUIRE(match.patterns.size() == 2);
  const auto& part = match.patterns[0];
  CHECK(part.path_var == "p");
  REQUIRE(part.nodes.size() == 2);
  CHECK(part.nodes[0].labels == std::vector<std::string>{"State"});
  CHECK(part.nodes[0].properties.size() == 1);
  const auto& rel = part.rels[0];
  CHECK(rel.direction == Direction::kIn);
  CHECK(rel.types == std::vector<std::string>{"ACCUSES", "BLAMES"});
  CHECK(rel.variable_length);
  CHECK(rel.min_hops == 2);
  CHECK_FALSE(rel.max_hops.has_value());
  CHECK(q->clauses[1].optional);
  CHECK(q->clauses[1].patterns[0].rels[0].direction == Direction::kOut);
  REQUIRE(q->clauses[1].where);
  const auto& ret = q->clauses[2].projection;
  CHECK(ret.distinct);
  REQUIRE(ret.items.size() == 2);
  CHECK(ret.items[0].alias == "n");
  CHECK(ret.items[1].alias == "count(*)");
  CHECK(ret.items[1].expr->star);
  REQUIRE(ret.order_by.size() == 1);
  CHECK(ret.order_by[0].descending);
  CHECK(ret.skip);
  CHECK(ret.limit);
}

TEST_CASE("operators bind by precedence", "[query][parser]") {
  auto q = geokg::query::Parse("RETURN 1 + 2 * 3 = 7 AND NOT false OR x IS NULL");
  REQUIRE(q.ok());
  const Expr& e = *q->clauses[0].projection.items[0].expr;
  REQUIRE(e.kind == Expr::Kind::kBinary);
  CHECK(e.binary_op == BinaryOp::kOr);
  const Expr& conj = *e.args[0];
  CHECK(conj.binary_op == BinaryOp::kAnd);
  const Expr& eq = *conj.args[0];
  CHECK(eq.binary_op == BinaryOp::kEq);
  CHECK(eq.args[0]->binary_op == BinaryOp::kAdd);
  CHECK(eq.args[0]->args[1]->binary_op == BinaryOp::kMul);
}

TEST_CASE("EXPLAIN and PROFILE are recognised", "[query][parser]") {
  auto explain = geokg::query::Parse("explain MATCH (a) RETURN a");
  REQUIRE(explain.ok());
  CHECK(explain->mode == geokg::query::Query::Mode::kExplain);
  auto profile = geokg::query::Parse("PROFILE RETURN 1");
  REQUIRE(profile.ok());
  CHECK(profile->mode == geokg::query::Query::Mode::kProfile);
}

TEST_CASE("PROFILE reports the rows and the time of each operator", "[query][engine]") {
  geokg::testing::QueryFixture fixture;
  geokg::query::Engine engine(fixture.store());
  auto result = engine.Run("PROFILE MATCH (a {name: 'UN'})-[r]->(b) RETURN b.name");
  REQUIRE(result.ok());
  CHECK(result->rows.size() == 3);
  CHECK(result->plan.find("Expand (a)-[r]->(b)  [3 rows, ") != std::string::npos);
  CHECK(result->plan.find("NodeSeek (a) by name 'UN'  [1 row, ") != std::string::npos);
  // Every line ends with the time spent in that operator alone.
  std::size_t lines = 0, timed = 0;
  for (std::size_t begin = 0, end; (end = result->plan.find('\n', begin)) != std::string::npos; begin = end + 1) {
    std::string line = result->plan.substr(begin, end - begin);
    ++lines;
    if (line.size() > 4 && line.compare(line.size() - 4, 4, " ms]") == 0) ++timed;
  }
  CHECK(lines == 4);
  CHECK(timed == lines);
}

TEST_CASE("no prefix of a valid query crashes or passes silently", "[query][engine]") {
  geokg::testing::QueryFixture fixture;
  geokg::query::Engine engine(fixture.store());
  const std::vector<std::string> queries = {
      "MATCH p = (a:State {name: 'Iran'})-[r:ACCUSES|BLAMES*1..2]->(b) WHERE r[0].date >= date('2025-02') "
      "RETURN a.name AS n, count(*) ORDER BY n DESC SKIP 0 LIMIT 3",
      "MATCH (a) OPTIONAL MATCH (a)<-[r]-(b) WITH a, collect(b.name) AS names UNWIND names AS x "
      "RETURN DISTINCT x, CASE WHEN x STARTS WITH 'I' THEN [1, 2][0] ELSE {k: 'v'}.k END",
      "MATCH p = shortestPath((a {name: 'UN'})-[*..4]-(b {name: 'Hezbollah'})) RETURN nodes(p), length(p)",
  };
  std::size_t failures = 0;
  for (const auto& q : queries) {
    for (std::size_t n = 0; n <= q.size(); ++n) {
      std::string prefix = q.substr(0, n);
      auto result = engine.Run(prefix);
      INFO(prefix);
      if (result.ok()) {
        // A prefix that parses must end at a complete RETURN clause.
        CHECK(prefix.find("RETURN") != std::string::npos);
      } else {
        CHECK(result.status().IsInvalidArgument());
        CHECK_FALSE(result.status().message().empty());
        ++failures;
      }
    }
  }
  CHECK(failures > 100);
}
