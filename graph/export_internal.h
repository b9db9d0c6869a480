// What graph/'s exporters share: text escaping for each format, labels, the selection's title, and
// turning thrown exceptions into a Status. Internal to graph/.
#ifndef GEOKG_GRAPH_EXPORT_INTERNAL_H_
#define GEOKG_GRAPH_EXPORT_INTERNAL_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/export.h"
#include "graph/graph_view.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::graph::exporting {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes there are not one.
std::size_t Utf8Length(std::string_view s, std::size_t i);

// `s` with every byte that does not start a valid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n, other control
// characters as spaces.
std::string DotQuote(std::string_view s);

// Text for an XML attribute value or element: the five predefined entities, tab and line breaks as
// character references (an attribute would otherwise fold them to spaces), and the characters XML
// 1.0 cannot hold at all (other control characters, U+FFFE, U+FFFF) as U+FFFD.
std::string XmlEscape(std::string_view s);

// A JSON string literal, quotes included.
std::string JsonQuote(std::string_view s);

// An RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote or line break; bare
// otherwise, so that an empty field stays empty (Neo4j's importer reads it as no property).
std::string CsvField(std::string_view s);

// A float for XML Schema's xsd:double and for JSON: the shortest text that reads back as `value`;
// "NaN", "INF", "-INF" for XML and null for JSON when it is not finite.
std::string XmlDouble(float value);
std::string JsonNumber(float value);

// The edge's relation name, or "relation N" when the type is not stored.
std::string RelationName(const ViewEdge& edge);

// "2025-02..2025-03", "2025-02-10" when both ends are the same date, "" when undated.
std::string DateSpan(const ViewEdge& edge);

// "geokg graph: 5 actors, 6 relationships from 9 edges; relation accuses, within 2 hops of US".
Result<std::string> Title(Store& store, const ExportOptions& options, const GraphView& view);

// Runs `write`, turning an exception it throws (an allocation failure, a stream set to throw) into
// an IOError about `format`, and a stream left failed into one too.
Status Guarded(std::string_view format, std::ostream& out, const std::function<Status()>& write);

// A format's text for a selected view and its title.
using Renderer = std::function<std::string(const GraphView& view, const std::string& title)>;

// What every single-file exporter does: select, title, render, write to `out` under Guarded.
Status ExportSelection(Store& store, const ExportOptions& options, std::string_view format,
                       std::ostream& out, const Renderer& render);

}  // namespace geokg::graph::exporting

#endif  // GEOKG_GRAPH_EXPORT_INTERNAL_H_
