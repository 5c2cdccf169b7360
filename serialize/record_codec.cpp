#include "serialize/record_codec.hpp"

#include <string>
#include <string_view>

namespace mnemo::serialize {

namespace {
using graph::Interner;
using graph::Symbol;
using graph::Value;

capnp::Text::Reader AsText(std::string_view s) { return capnp::Text::Reader(s.data(), s.size()); }
std::string_view View(capnp::Text::Reader t) { return {t.begin(), t.size()}; }

Status WriteValueAt(const Value& v, schema::Value::Builder out, int depth) {
  if (depth > kMaxStoredValueDepth)
    return Status::ResourceLimit("a value nested more than " + std::to_string(kMaxStoredValueDepth) +
                                 " levels deep has no stored form");
  switch (v.kind()) {
    case Value::Kind::kNull:
      out.setNull();
      break;
    case Value::Kind::kBool:
      out.setBool(v.as_bool());
      break;
    case Value::Kind::kInt:
      out.setInt(v.as_int());
      break;
    case Value::Kind::kFloat:
      out.setFloat(v.as_float());
      break;
    case Value::Kind::kString:
      out.setText(AsText(v.as_string()));
      break;
    case Value::Kind::kDate:
      out.setDate(v.as_date().micros);
      break;
    case Value::Kind::kDateTime:
      out.setDatetime(v.as_datetime().micros);
      break;
    case Value::Kind::kList: {
      const graph::List& items = v.as_list();
      auto list = out.initList(static_cast<unsigned>(items.size()));
      for (unsigned i = 0; i < list.size(); ++i) MNEMO_RETURN_IF_ERROR(WriteValueAt(items[i], list[i], depth + 1));
      break;
    }
    case Value::Kind::kMap: {
      const graph::Map& entries = v.as_map();
      auto map = out.initMap(static_cast<unsigned>(entries.size()));
      for (unsigned i = 0; i < map.size(); ++i) {
        map[i].setKey(AsText(entries[i].first));
        MNEMO_RETURN_IF_ERROR(WriteValueAt(entries[i].second, map[i].initValue(), depth + 1));
      }
      break;
    }
    case Value::Kind::kNode:
    case Value::Kind::kRelationship:
    case Value::Kind::kPath:
      return Status::InvalidArgument("a " + std::string(Value::KindName(v.kind())) + " has no stored form");
  }
  return Status::OK();
}

void WriteTime(const temporal::Bitemporal& t, schema::Bitemporal::Builder out) {
  out.setValidFrom(t.valid_from);
  out.setValidTo(t.valid_to);
  out.setRecordedAt(t.recorded_at);
  out.setRetractedAt(t.retracted_at);
  out.setClosedAt(t.closed_at);
  out.setValidToBeforeClose(t.valid_to_before_close);
}

temporal::Bitemporal ReadTime(schema::Bitemporal::Reader in) {
  temporal::Bitemporal t;
  t.valid_from = in.getValidFrom();
  t.valid_to = in.getValidTo();
  t.recorded_at = in.getRecordedAt();
  t.retracted_at = in.getRetractedAt();
  t.closed_at = in.getClosedAt();
  t.valid_to_before_close = in.getValidToBeforeClose();
  return t;
}

Status WriteProperties(const Interner& names, const graph::PropertyMap& props,
                       capnp::List<schema::Property>::Builder out) {
  unsigned i = 0;
  for (const auto& [key, value] : props.entries()) {
    out[i].setName(AsText(names.Text(key)));
    MNEMO_RETURN_IF_ERROR(WriteValue(value, out[i].initValue()));
    ++i;
  }
  return Status::OK();
}

graph::PropertyMap ReadProperties(capnp::List<schema::Property>::Reader in, Interner& names) {
  graph::PropertyMap props;
  for (auto p : in) props.Set(names.Intern(View(p.getName())), ReadValue(p.getValue()));
  return props;
}

// An optional name (key type, session, source) is a null pointer for
// kNoSymbol and text for any symbol, even the symbol of "".
Symbol ReadOptionalName(bool has, capnp::Text::Reader text, Interner& names) {
  return has ? names.Intern(View(text)) : graph::kNoSymbol;
}

template <typename List, typename Ids>
void WriteIds(const Ids& ids, List out) {
  for (unsigned i = 0; i < out.size(); ++i) out.set(i, ids[i]);
}

std::vector<graph::Id> ReadIds(capnp::List<uint64_t>::Reader in) {
  std::vector<graph::Id> ids;
  ids.reserve(in.size());
  for (uint64_t id : in) ids.push_back(id);
  return ids;
}

void WriteFloats(const std::vector<float>& values, capnp::List<float>::Builder out) {
  for (unsigned i = 0; i < out.size(); ++i) out.set(i, values[i]);
}

std::vector<float> ReadFloats(capnp::List<float>::Reader in) {
  std::vector<float> values;
  values.reserve(in.size());
  for (float f : in) values.push_back(f);
  return values;
}

schema::PropertyType ToStored(graph::PropertyType t) {
  switch (t) {
    case graph::PropertyType::kAny:
      return schema::PropertyType::ANY;
    case graph::PropertyType::kText:
      return schema::PropertyType::TEXT;
    case graph::PropertyType::kInt:
      return schema::PropertyType::INT;
    case graph::PropertyType::kFloat:
      return schema::PropertyType::FLOAT;
    case graph::PropertyType::kBool:
      return schema::PropertyType::BOOL;
    case graph::PropertyType::kDate:
      return schema::PropertyType::DATE;
    case graph::PropertyType::kDateTime:
      return schema::PropertyType::DATETIME;
    case graph::PropertyType::kList:
      return schema::PropertyType::LIST;
    case graph::PropertyType::kMap:
      return schema::PropertyType::MAP;
  }
  return schema::PropertyType::ANY;
}

Result<graph::PropertyType> FromStored(schema::PropertyType t) {
  switch (t) {
    case schema::PropertyType::ANY:
      return graph::PropertyType::kAny;
    case schema::PropertyType::TEXT:
      return graph::PropertyType::kText;
    case schema::PropertyType::INT:
      return graph::PropertyType::kInt;
    case schema::PropertyType::FLOAT:
      return graph::PropertyType::kFloat;
    case schema::PropertyType::BOOL:
      return graph::PropertyType::kBool;
    case schema::PropertyType::DATE:
      return graph::PropertyType::kDate;
    case schema::PropertyType::DATETIME:
      return graph::PropertyType::kDateTime;
    case schema::PropertyType::LIST:
      return graph::PropertyType::kList;
    case schema::PropertyType::MAP:
      return graph::PropertyType::kMap;
  }
  return Status::Corruption("unknown property type " + std::to_string(static_cast<unsigned>(t)) + " in the schema");
}

void WritePropertyDefs(const std::vector<graph::PropertyDef>& defs, capnp::List<schema::PropertyDef>::Builder out) {
  for (unsigned i = 0; i < out.size(); ++i) {
    out[i].setName(AsText(defs[i].name));
    out[i].setType(ToStored(defs[i].type));
    out[i].setIsKey(defs[i].is_key);
  }
}

Result<std::vector<graph::PropertyDef>> ReadPropertyDefs(capnp::List<schema::PropertyDef>::Reader in) {
  std::vector<graph::PropertyDef> defs;
  for (auto d : in) {
    MNEMO_ASSIGN_OR_RETURN(graph::PropertyType type, FromStored(d.getType()));
    defs.push_back({std::string(View(d.getName())), type, d.getIsKey()});
  }
  return defs;
}
}  // namespace

capnp::ReaderOptions StoredMessageOptions() {
  capnp::ReaderOptions options;
  options.traversalLimitInWords = UINT64_MAX;
  options.nestingLimit = 4 * kMaxStoredValueDepth + 64;
  return options;
}

Status WriteValue(const Value& value, schema::Value::Builder out) { return WriteValueAt(value, out, 0); }

Value ReadValue(schema::Value::Reader in) {
  switch (in.which()) {
    case schema::Value::NULL_:
      return Value();
    case schema::Value::BOOL:
      return Value(in.getBool());
    case schema::Value::INT:
      return Value(static_cast<int64_t>(in.getInt()));
    case schema::Value::FLOAT:
      return Value(in.getFloat());
    case schema::Value::TEXT:
      return Value(std::string(View(in.getText())));
    case schema::Value::DATE:
      return Value(graph::Date{in.getDate()});
    case schema::Value::DATETIME:
      return Value(graph::DateTime{in.getDatetime()});
    case schema::Value::LIST: {
      auto items = in.getList();
      graph::List list;
      list.reserve(items.size());
      for (auto item : items) list.push_back(ReadValue(item));
      return Value(std::move(list));
    }
    case schema::Value::MAP: {
      auto entries = in.getMap();
      graph::Map map;
      map.reserve(entries.size());
      for (auto entry : entries) map.emplace_back(std::string(View(entry.getKey())), ReadValue(entry.getValue()));
      return Value(std::move(map));
    }
  }
  // A union member this version does not know (written by a later one).
  return Value();
}

Status WriteEntity(const Interner& names, const graph::Entity& e, schema::Entity::Builder out) {
  out.setId(e.id);
  auto types = out.initTypes(static_cast<unsigned>(e.types.size()));
  for (unsigned i = 0; i < types.size(); ++i) types.set(i, AsText(names.Text(e.types[i])));
  if (e.key_type != graph::kNoSymbol) out.setKeyType(AsText(names.Text(e.key_type)));
  MNEMO_RETURN_IF_ERROR(WriteValue(e.key, out.initKey()));
  MNEMO_RETURN_IF_ERROR(
      WriteProperties(names, e.properties, out.initProperties(static_cast<unsigned>(e.properties.size()))));
  auto history = out.initPropertyHistory(static_cast<unsigned>(e.property_history.size()));
  for (unsigned i = 0; i < history.size(); ++i) {
    const graph::PropertyVersion& v = e.property_history[i];
    history[i].setName(AsText(names.Text(v.key)));
    MNEMO_RETURN_IF_ERROR(WriteValue(v.value, history[i].initValue()));
    WriteTime(v.time, history[i].initTime());
  }
  auto aliases = out.initAliases(static_cast<unsigned>(e.aliases.size()));
  for (unsigned i = 0; i < aliases.size(); ++i) aliases.set(i, AsText(e.aliases[i]));
  WriteTime(e.time, out.initTime());
  out.setForgotten(e.forgotten);
  return Status::OK();
}

graph::Entity ReadEntity(schema::Entity::Reader in, Interner& names) {
  graph::Entity e;
  e.id = in.getId();
  auto types = in.getTypes();
  e.types.reserve(types.size());
  for (auto t : types) e.types.push_back(names.Intern(View(t)));
  e.key_type = ReadOptionalName(in.hasKeyType(), in.getKeyType(), names);
  e.key = ReadValue(in.getKey());
  e.properties = ReadProperties(in.getProperties(), names);
  auto history = in.getPropertyHistory();
  e.property_history.reserve(history.size());
  for (auto v : history)
    e.property_history.push_back({names.Intern(View(v.getName())), ReadValue(v.getValue()), ReadTime(v.getTime())});
  auto aliases = in.getAliases();
  e.aliases.reserve(aliases.size());
  for (auto a : aliases) e.aliases.emplace_back(View(a));
  e.time = ReadTime(in.getTime());
  e.forgotten = in.getForgotten();
  return e;
}

Status WriteHyperedge(const Interner& names, const graph::Hyperedge& h, schema::Hyperedge::Builder out) {
  out.setId(h.id);
  out.setType(AsText(names.Text(h.type)));
  out.setIsEvent(h.is_event);
  auto roles = out.initRoles(static_cast<unsigned>(h.roles.size()));
  for (unsigned i = 0; i < roles.size(); ++i) {
    const graph::RoleBinding& r = h.roles[i];
    roles[i].setRole(AsText(names.Text(r.role)));
    roles[i].setEntity(r.entity);
    if (!r.is_entity()) MNEMO_RETURN_IF_ERROR(WriteValue(r.value, roles[i].initValue()));
  }
  MNEMO_RETURN_IF_ERROR(
      WriteProperties(names, h.properties, out.initProperties(static_cast<unsigned>(h.properties.size()))));
  WriteTime(h.time, out.initTime());
  WriteIds(h.provenance, out.initProvenance(static_cast<unsigned>(h.provenance.size())));
  out.setConfidence(h.confidence);
  out.setSupersededBy(h.superseded_by);
  out.setForgotten(h.forgotten);
  auto closes = out.initEarlierCloses(static_cast<unsigned>(h.earlier_closes.size()));
  for (unsigned i = 0; i < closes.size(); ++i) {
    closes[i].setClosedAt(h.earlier_closes[i].first);
    closes[i].setValidToBefore(h.earlier_closes[i].second);
  }
  WriteFloats(h.embedding, out.initEmbedding(static_cast<unsigned>(h.embedding.size())));
  return Status::OK();
}

graph::Hyperedge ReadHyperedge(schema::Hyperedge::Reader in, Interner& names) {
  graph::Hyperedge h;
  h.id = in.getId();
  h.type = names.Intern(View(in.getType()));
  h.is_event = in.getIsEvent();
  auto roles = in.getRoles();
  h.roles.reserve(roles.size());
  for (auto r : roles) {
    graph::RoleBinding b;
    b.role = names.Intern(View(r.getRole()));
    b.entity = r.getEntity();
    if (b.entity == graph::kNoId) b.value = ReadValue(r.getValue());
    h.roles.push_back(std::move(b));
  }
  h.properties = ReadProperties(in.getProperties(), names);
  h.time = ReadTime(in.getTime());
  h.provenance = ReadIds(in.getProvenance());
  h.confidence = in.getConfidence();
  h.superseded_by = in.getSupersededBy();
  h.forgotten = in.getForgotten();
  for (auto c : in.getEarlierCloses()) h.earlier_closes.emplace_back(c.getClosedAt(), c.getValidToBefore());
  h.embedding = ReadFloats(in.getEmbedding());
  return h;
}

Status WriteEpisode(const Interner& names, const graph::Episode& ep, schema::Episode::Builder out) {
  out.setId(ep.id);
  out.setText(AsText(ep.text));
  out.setTime(ep.time);
  out.setSpeaker(ep.speaker);
  if (ep.session != graph::kNoSymbol) out.setSession(AsText(names.Text(ep.session)));
  if (ep.source != graph::kNoSymbol) out.setSource(AsText(names.Text(ep.source)));
  out.setTrust(ep.trust);
  WriteIds(ep.about, out.initAbout(static_cast<unsigned>(ep.about.size())));
  WriteFloats(ep.embedding, out.initEmbedding(static_cast<unsigned>(ep.embedding.size())));
  WriteTime(ep.timeline, out.initTimeline());
  out.setForgotten(ep.forgotten);
  return Status::OK();
}

graph::Episode ReadEpisode(schema::Episode::Reader in, Interner& names) {
  graph::Episode ep;
  ep.id = in.getId();
  ep.text = std::string(View(in.getText()));
  ep.time = in.getTime();
  ep.speaker = in.getSpeaker();
  ep.session = ReadOptionalName(in.hasSession(), in.getSession(), names);
  ep.source = ReadOptionalName(in.hasSource(), in.getSource(), names);
  ep.trust = in.getTrust();
  ep.about = ReadIds(in.getAbout());
  ep.embedding = ReadFloats(in.getEmbedding());
  ep.timeline = ReadTime(in.getTimeline());
  ep.forgotten = in.getForgotten();
  return ep;
}

void WriteTombstone(const graph::Tombstone& t, schema::Tombstone::Builder out) {
  out.setId(t.id);
  switch (t.kind) {
    case graph::RecordKind::kNone:
      out.setKind(schema::RecordKind::NONE);
      break;
    case graph::RecordKind::kEntity:
      out.setKind(schema::RecordKind::ENTITY);
      break;
    case graph::RecordKind::kHyperedge:
      out.setKind(schema::RecordKind::HYPEREDGE);
      break;
    case graph::RecordKind::kEpisode:
      out.setKind(schema::RecordKind::EPISODE);
      break;
  }
  out.setPurgedAt(t.purged_at);
}

Result<graph::Tombstone> ReadTombstone(schema::Tombstone::Reader in) {
  graph::Tombstone t;
  t.id = in.getId();
  switch (in.getKind()) {
    case schema::RecordKind::NONE:
      t.kind = graph::RecordKind::kNone;
      break;
    case schema::RecordKind::ENTITY:
      t.kind = graph::RecordKind::kEntity;
      break;
    case schema::RecordKind::HYPEREDGE:
      t.kind = graph::RecordKind::kHyperedge;
      break;
    case schema::RecordKind::EPISODE:
      t.kind = graph::RecordKind::kEpisode;
      break;
    default:
      return Status::Corruption("tombstone of record " + std::to_string(t.id) + " has an unknown kind " +
                                std::to_string(static_cast<unsigned>(in.getKind())));
  }
  t.purged_at = in.getPurgedAt();
  return t;
}

void WriteSchema(const graph::Schema& s, schema::Schema::Builder out) {
  auto entities = out.initEntities(static_cast<unsigned>(s.entities().size()));
  for (unsigned i = 0; i < entities.size(); ++i) {
    const graph::EntityTypeDef& def = s.entities()[i];
    entities[i].setName(AsText(def.name));
    WritePropertyDefs(def.properties, entities[i].initProperties(static_cast<unsigned>(def.properties.size())));
  }
  auto relations = out.initRelations(static_cast<unsigned>(s.relations().size()));
  for (unsigned i = 0; i < relations.size(); ++i) {
    const graph::RelationTypeDef& def = s.relations()[i];
    auto rel = relations[i];
    rel.setName(AsText(def.name));
    rel.setIsEvent(def.is_event);
    auto roles = rel.initRoles(static_cast<unsigned>(def.roles.size()));
    for (unsigned j = 0; j < roles.size(); ++j) {
      const graph::RoleDef& role = def.roles[j];
      roles[j].setName(AsText(role.name));
      roles[j].setEntityType(AsText(role.entity_type));
      roles[j].setTakesValue(role.value_type.has_value());
      if (role.value_type) roles[j].setValueType(ToStored(*role.value_type));
      roles[j].setCardinality(role.cardinality == graph::Cardinality::kMany ? schema::Cardinality::MANY
                                                                            : schema::Cardinality::ONE);
    }
    WritePropertyDefs(def.properties, rel.initProperties(static_cast<unsigned>(def.properties.size())));
    auto unique = rel.initUniqueRoles(static_cast<unsigned>(def.unique_roles.size()));
    for (unsigned j = 0; j < unique.size(); ++j) unique.set(j, AsText(def.unique_roles[j]));
  }
}

Result<graph::Schema> ReadSchema(schema::Schema::Reader in) {
  graph::Schema s;
  for (auto e : in.getEntities()) {
    graph::EntityTypeDef def;
    def.name = std::string(View(e.getName()));
    MNEMO_ASSIGN_OR_RETURN(def.properties, ReadPropertyDefs(e.getProperties()));
    Status st = s.DefineEntity(std::move(def));
    if (!st.ok()) return Status::Corruption("stored schema is inconsistent: " + st.message());
  }
  for (auto r : in.getRelations()) {
    graph::RelationTypeDef def;
    def.name = std::string(View(r.getName()));
    def.is_event = r.getIsEvent();
    for (auto role : r.getRoles()) {
      graph::RoleDef rd;
      rd.name = std::string(View(role.getName()));
      rd.entity_type = std::string(View(role.getEntityType()));
      if (role.getTakesValue()) {
        MNEMO_ASSIGN_OR_RETURN(rd.value_type, FromStored(role.getValueType()));
      }
      switch (role.getCardinality()) {
        case schema::Cardinality::ONE:
          rd.cardinality = graph::Cardinality::kOne;
          break;
        case schema::Cardinality::MANY:
          rd.cardinality = graph::Cardinality::kMany;
          break;
        default:
          return Status::Corruption("role '" + rd.name + "' of '" + def.name + "' has an unknown cardinality");
      }
      def.roles.push_back(std::move(rd));
    }
    MNEMO_ASSIGN_OR_RETURN(def.properties, ReadPropertyDefs(r.getProperties()));
    for (auto u : r.getUniqueRoles()) def.unique_roles.emplace_back(View(u));
    Status st = s.DefineRelation(std::move(def));
    if (!st.ok()) return Status::Corruption("stored schema is inconsistent: " + st.message());
  }
  return s;
}

}  // namespace mnemo::serialize
