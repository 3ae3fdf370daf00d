// Reads a stream line by line without ever holding more than a bounded line in memory, for
// input that may be long or may never end (a script's pipe).
#pragma once

#include <cstddef>
#include <istream>
#include <string>

namespace lapak::cli {

class BoundedLineReader {
 public:
  enum class Outcome {
    kLine,     // `line` holds the next line, without its '\n'
    kTooLong,  // the next line was longer than max_bytes: it was read to its end and dropped
    kEnd,      // the stream ended (a last line without '\n' is still a kLine)
  };

  // `in` must outlive the reader.
  BoundedLineReader(std::istream& in, size_t max_bytes) : in_(&in), max_bytes_(max_bytes) {}

  // Blocks until a whole line (or the end) has been read; returns as soon as it has, so that
  // each line can be answered before the next one is written.
  Outcome Next(std::string& line);

 private:
  std::istream* in_;
  size_t max_bytes_;
};

}  // namespace lapak::cli
