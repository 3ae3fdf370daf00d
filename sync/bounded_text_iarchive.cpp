#include "sync/bounded_text_iarchive.h"

#include <fmt/format.h>

// Boost's archive implementation, instantiated below for BoundedTextIArchive; the library
// ships it compiled for its own archives only.
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>

namespace boost::archive {
template class detail::archive_serializer_map<lapak::sync::BoundedTextIArchive>;
template class basic_text_iarchive<lapak::sync::BoundedTextIArchive>;
template class text_iarchive_impl<lapak::sync::BoundedTextIArchive>;
}  // namespace boost::archive

namespace lapak::sync {

BoundedTextIArchive::BoundedTextIArchive(std::istream& input, ArchiveBounds bounds)
    : Base(input, 0), bounds_(bounds) {
  init();
}

size_t BoundedTextIArchive::BytesLeft() {
  const std::streamsize left = is.rdbuf()->in_avail();
  return left > 0 ? static_cast<size_t>(left) : 0;
}

void BoundedTextIArchive::load(std::string& value) {
  size_t size = 0;
  Base::load(size);
  if (size > bounds_.max_string_bytes || size > BytesLeft()) {
    throw BoundExceeded(fmt::format("a string claims {} bytes; the limit is {} and {} are left",
                                    size, bounds_.max_string_bytes, BytesLeft()));
  }
  is.get();  // the space between the length and the bytes
  value.resize(size);
  if (size > 0) is.read(value.data(), static_cast<std::streamsize>(size));
  if (!is) throw BoundExceeded("the payload ends inside a string");
}

void BoundedTextIArchive::load(boost::serialization::collection_size_type& count) {
  size_t claimed = 0;
  Base::load(claimed);
  if (claimed > bounds_.max_collection_count || claimed > BytesLeft()) {
    throw BoundExceeded(fmt::format("a collection claims {} items; the limit is {}", claimed,
                                    bounds_.max_collection_count));
  }
  count = boost::serialization::collection_size_type(claimed);
}

}  // namespace lapak::sync

BOOST_SERIALIZATION_REGISTER_ARCHIVE(lapak::sync::BoundedTextIArchive)
