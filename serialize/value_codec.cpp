#include "serialize/value_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstring>

#include "serialize/record_codec.hpp"

namespace mnemo::serialize {

Result<std::string> EncodeValue(const graph::Value& value) {
  if (!value.IsStorable())
    return Status::InvalidArgument("a " + std::string(graph::Value::KindName(value.kind())) + " has no stored form");
  capnp::MallocMessageBuilder message;
  MNEMO_RETURN_IF_ERROR(WriteValue(value, message.initRoot<schema::Value>()));
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

Result<graph::Value> DecodeValue(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) return Status::Corruption("value message is not word-aligned");
  kj::Array<capnp::word> words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  try {
    capnp::FlatArrayMessageReader reader(words);
    return ReadValue(reader.getRoot<schema::Value>());
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("value message is malformed: ") + e.getDescription().cStr());
  }
}

}  // namespace mnemo::serialize
