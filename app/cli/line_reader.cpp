#include "app/cli/line_reader.h"

namespace lapak::cli {

BoundedLineReader::Outcome BoundedLineReader::Next(std::string& line) {
  line.clear();
  std::streambuf& in = *in_->rdbuf();
  bool too_long = false;
  for (;;) {
    const int c = in.sbumpc();
    if (c == std::char_traits<char>::eof()) {
      if (too_long) return Outcome::kTooLong;
      return line.empty() ? Outcome::kEnd : Outcome::kLine;
    }
    if (c == '\n') return too_long ? Outcome::kTooLong : Outcome::kLine;
    if (too_long) continue;
    if (line.size() == max_bytes_) {
      too_long = true;
      line.clear();
      continue;
    }
    line.push_back(static_cast<char>(c));
  }
}

}  // namespace lapak::cli
