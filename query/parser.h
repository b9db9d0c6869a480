// Parser: turns a query's text into a Query (query/ast.h). The language is a read-only subset of openCypher,
// so that a query that runs here runs unchanged on Neo4j or Kuzu. Keywords are case-insensitive; names are
// case-sensitive; a name that is a keyword can be written in backticks.
//
//   query          = [ "EXPLAIN" | "PROFILE" ] { reading } return [ ";" ] ;
//   reading        = match | unwind | with ;
//   match          = [ "OPTIONAL" ] "MATCH" pattern { "," pattern } [ "WHERE" expr ] ;
//   unwind         = "UNWIND" expr "AS" name ;
//   with           = "WITH" projection [ "WHERE" expr ] ;
//   return         = "RETURN" projection ;
//   projection     = [ "DISTINCT" ] ( "*" | item { "," item } )
//                    [ "ORDER" "BY" sort { "," sort } ] [ "SKIP" expr ] [ "LIMIT" expr ] ;
//   item           = expr [ "AS" name ] ;
//   sort           = expr [ "ASC" | "ASCENDING" | "DESC" | "DESCENDING" ] ;
//   pattern        = [ name "=" ] ( ( "shortestPath" | "allShortestPaths" ) "(" chain ")" | chain ) ;
//   chain          = node { rel node } ;
//   node           = "(" [ name ] { ":" name } [ properties ] ")" ;
//   rel            = ( "<-" | "-" ) [ "[" [ name ] [ ":" name { "|" [ ":" ] name } ] [ range ]
//                    [ properties ] "]" ] ( "->" | "-" ) ;
//   range          = "*" [ integer ] [ ".." [ integer ] ] ;
//   properties     = "{" [ name ":" expr { "," name ":" expr } ] "}" ;
//   expr           = xor { "OR" xor } ;
//   xor            = and { "XOR" and } ;
//   and            = not { "AND" not } ;
//   not            = { "NOT" } comparison ;
//   comparison     = additive { ( "=" | "<>" | "!=" | "<" | "<=" | ">" | ">=" | "IN" | "CONTAINS"
//                    | "STARTS" "WITH" | "ENDS" "WITH" ) additive | "IS" [ "NOT" ] "NULL" } ;
//   additive       = multiplicative { ( "+" | "-" ) multiplicative } ;
//   multiplicative = power { ( "*" | "/" | "%" ) power } ;
//   power          = unary { "^" unary } ;
//   unary          = [ "-" | "+" ] postfix ;
//   postfix        = atom { "." name | "[" expr "]" } ;
//   atom           = integer | float | string | "true" | "false" | "null" | list | map | "(" expr ")"
//                  | case | call | name ;
//   list           = "[" [ expr { "," expr } ] "]" ;
//   map            = "{" [ name ":" expr { "," name ":" expr } ] "}" ;
//   call           = name "(" [ "DISTINCT" ] [ "*" | expr { "," expr } ] ")" ;
//   case           = "CASE" [ expr ] "WHEN" expr "THEN" expr { "WHEN" expr "THEN" expr }
//                    [ "ELSE" expr ] "END" ;
//
// Writing clauses (CREATE, MERGE, DELETE, DETACH DELETE, SET, REMOVE, FOREACH) are refused with
// "geokg queries are read-only"; UNION, CALL and $parameters with "... is not supported".
#ifndef GEOKG_QUERY_PARSER_H_
#define GEOKG_QUERY_PARSER_H_

#include <string_view>

#include "graph/status.h"
#include "query/ast.h"

namespace geokg::query {

// Parses one query. Fails with InvalidArgument("syntax error at line L, column C: ...") followed by the
// query line and a caret under the offending token.
Result<Query> Parse(std::string_view query);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_PARSER_H_
