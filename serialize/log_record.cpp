#include "serialize/log_record.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include "serialize/record_codec.hpp"

namespace mnemo::serialize {

Result<kj::Array<capnp::word>> EncodeLogRecord(const graph::Hypergraph& store, uint64_t lsn) {
  const graph::ChangeSet& changes = store.changes();
  std::vector<const graph::Entity*> entities;
  std::vector<const graph::Episode*> episodes;
  std::vector<const graph::Hyperedge*> hyperedges;
  std::vector<graph::Id> erased;
  for (graph::Id id : changes.records) {
    if (const graph::Entity* e = store.entity(id))
      entities.push_back(e);
    else if (const graph::Hyperedge* h = store.hyperedge(id))
      hyperedges.push_back(h);
    else if (const graph::Episode* ep = store.episode(id))
      episodes.push_back(ep);
    else
      erased.push_back(id);
  }
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<schema::LogRecord>();
  root.setLsn(lsn);
  root.setNextId(store.next_id());
  if (changes.schema) WriteSchema(store.schema(), root.initSchema());
  const graph::Interner& names = store.names();
  auto e_out = root.initEntities(static_cast<unsigned>(entities.size()));
  for (unsigned i = 0; i < e_out.size(); ++i) MNEMO_RETURN_IF_ERROR(WriteEntity(names, *entities[i], e_out[i]));
  auto ep_out = root.initEpisodes(static_cast<unsigned>(episodes.size()));
  for (unsigned i = 0; i < ep_out.size(); ++i) MNEMO_RETURN_IF_ERROR(WriteEpisode(names, *episodes[i], ep_out[i]));
  auto h_out = root.initHyperedges(static_cast<unsigned>(hyperedges.size()));
  for (unsigned i = 0; i < h_out.size(); ++i) MNEMO_RETURN_IF_ERROR(WriteHyperedge(names, *hyperedges[i], h_out[i]));
  auto erased_out = root.initErased(static_cast<unsigned>(erased.size()));
  for (unsigned i = 0; i < erased_out.size(); ++i) erased_out.set(i, erased[i]);
  const auto& tombstones = store.tombstones();
  const size_t first = std::min(changes.tombstones_before, tombstones.size());
  auto t_out = root.initTombstones(static_cast<unsigned>(tombstones.size() - first));
  for (unsigned i = 0; i < t_out.size(); ++i) WriteTombstone(tombstones[first + i], t_out[i]);
  return capnp::messageToFlatArray(message);
}

Status ApplyLogRecord(schema::LogRecord::Reader record, graph::Hypergraph& store) {
  if (record.hasSchema()) {
    MNEMO_ASSIGN_OR_RETURN(graph::Schema schema, ReadSchema(record.getSchema()));
    store.PutSchema(std::move(schema));
  }
  graph::Interner& names = store.names();
  for (auto e : record.getEntities()) store.PutEntity(ReadEntity(e, names));
  for (auto ep : record.getEpisodes()) store.PutEpisode(ReadEpisode(ep, names));
  auto erased = record.getErased();
  for (graph::Id id : erased)
    if (store.KindOf(id) == graph::RecordKind::kHyperedge) store.EraseRecord(id);
  for (auto h : record.getHyperedges()) {
    Status st = store.PutHyperedge(ReadHyperedge(h, names));
    if (!st.ok()) return Status::Corruption(st.message());
  }
  for (graph::Id id : erased) store.EraseRecord(id);
  for (auto t : record.getTombstones()) {
    MNEMO_ASSIGN_OR_RETURN(graph::Tombstone tombstone, ReadTombstone(t));
    store.PutTombstone(tombstone);
  }
  store.PutNextId(record.getNextId());
  return Status::OK();
}

}  // namespace mnemo::serialize
