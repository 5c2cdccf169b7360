#include "serialize/value_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstring>

#include "serialize/snapshot.capnp.h"

namespace mnemo::serialize {

namespace {
using graph::Value;

void Write(const Value& v, schema::Value::Builder out) {
  switch (v.kind()) {
    case Value::Kind::kBool: out.setBool(v.as_bool()); break;
    case Value::Kind::kInt: out.setInt(v.as_int()); break;
    case Value::Kind::kFloat: out.setFloat(v.as_float()); break;
    case Value::Kind::kString: out.setText(v.as_string()); break;
    case Value::Kind::kDate: out.setDate(v.as_date().micros); break;
    case Value::Kind::kDateTime: out.setDatetime(v.as_datetime().micros); break;
    case Value::Kind::kList: {
      auto list = out.initList(static_cast<unsigned>(v.as_list().size()));
      for (unsigned i = 0; i < list.size(); ++i) Write(v.as_list()[i], list[i]);
      break;
    }
    case Value::Kind::kMap: {
      auto map = out.initMap(static_cast<unsigned>(v.as_map().size()));
      for (unsigned i = 0; i < map.size(); ++i) {
        map[i].setKey(v.as_map()[i].first);
        Write(v.as_map()[i].second, map[i].initValue());
      }
      break;
    }
    default: out.setNull(); break;
  }
}

Value Read(schema::Value::Reader in) {
  switch (in.which()) {
    case schema::Value::NULL_: return Value();
    case schema::Value::BOOL: return Value(in.getBool());
    case schema::Value::INT: return Value(static_cast<int64_t>(in.getInt()));
    case schema::Value::FLOAT: return Value(in.getFloat());
    case schema::Value::TEXT: return Value(std::string(in.getText().cStr(), in.getText().size()));
    case schema::Value::DATE: return Value(graph::Date{in.getDate()});
    case schema::Value::DATETIME: return Value(graph::DateTime{in.getDatetime()});
    case schema::Value::LIST: {
      graph::List list;
      for (auto item : in.getList()) list.push_back(Read(item));
      return Value(std::move(list));
    }
    case schema::Value::MAP: {
      graph::Map map;
      for (auto entry : in.getMap()) map.emplace_back(std::string(entry.getKey().cStr()), Read(entry.getValue()));
      return Value(std::move(map));
    }
  }
  return Value();
}
}  // namespace

Result<std::string> EncodeValue(const graph::Value& value) {
  if (!value.IsStorable())
    return Status::InvalidArgument("a " + std::string(Value::KindName(value.kind())) + " has no stored form");
  capnp::MallocMessageBuilder message;
  Write(value, message.initRoot<schema::Value>());
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
    return Read(reader.getRoot<schema::Value>());
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("value message is malformed: ") + e.getDescription().cStr());
  }
}

}  // namespace mnemo::serialize
