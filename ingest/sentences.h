// Sentence segmentation with byte offsets.
#ifndef GEOKG_INGEST_SENTENCES_H_
#define GEOKG_INGEST_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace geokg::ingest {

struct Sentence {
  std::uint32_t index = 0;  // position in the document, from 0
  std::uint32_t begin = 0;  // byte offsets into the text; [begin, end) excludes surrounding white space
  std::uint32_t end = 0;
  bool headline = false;    // a title or sub-heading line without final punctuation
};

// Splits UTF-8 text into sentences. A line that stands alone as its own paragraph and does not end in
// sentence punctuation is a headline. Periods of abbreviations ("U.S.", "Mr.", "Jan.") and of initials do
// not end a sentence; a closing quote after the final punctuation belongs to the sentence.
std::vector<Sentence> SplitSentences(std::string_view text);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_SENTENCES_H_
