// A Boost text input archive that checks every length before it allocates.
//
// Boost 1.74's text_iarchive reads a string's length and resizes the string to it before
// reading a byte, and reserves a vector's claimed count before reading an element: a
// claimed length of 2^31 allocates 2 GiB. This archive, derived the way Boost documents
// (text_iarchive_impl<Derived>), refuses
//   - a string longer than `max_string_bytes` or than the bytes left in the input,
//   - a collection count above `max_collection_count` or than the bytes left,
// by throwing BoundExceeded before allocating. Include only in .cpp files: it pulls in
// Boost's archive implementation.
#pragma once

#include <cstddef>
#include <istream>
#include <stdexcept>
#include <string>

#include <boost/archive/text_iarchive.hpp>
#include <boost/serialization/collection_size_type.hpp>

namespace lapak::sync {

struct ArchiveBounds {
  size_t max_string_bytes = 0;
  size_t max_collection_count = 0;
};

class BoundExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class BoundedTextIArchive : public boost::archive::text_iarchive_impl<BoundedTextIArchive> {
 public:
  // `input` must be a std::istringstream over the whole payload, so that the bytes left are
  // known.
  BoundedTextIArchive(std::istream& input, ArchiveBounds bounds);

 private:
  friend class boost::archive::detail::interface_iarchive<BoundedTextIArchive>;
  friend class boost::archive::detail::common_iarchive<BoundedTextIArchive>;
  friend class boost::archive::basic_text_iarchive<BoundedTextIArchive>;
  friend class boost::archive::load_access;
  using Base = boost::archive::text_iarchive_impl<BoundedTextIArchive>;

  template <class T>
  void load(T& value) {
    Base::load(value);
  }
  void load(std::string& value);
  void load(boost::serialization::collection_size_type& count);
  template <class T>
  void load_override(T& value) {
    Base::load_override(value);
  }

  size_t BytesLeft();

  ArchiveBounds bounds_;
};

}  // namespace lapak::sync
