// AstBuilder: memory statements (schema, episodes, facts, recall, lifecycle).
#include <utility>

#include "lang/ast_builder.hpp"

namespace mnemo::lang::internal {

std::string_view OptionKindName(OptionKind k) {
  switch (k) {
    case OptionKind::kAt:
      return "AT";
    case OptionKind::kBy:
      return "BY";
    case OptionKind::kIn:
      return "IN";
    case OptionKind::kAbout:
      return "ABOUT";
    case OptionKind::kSource:
      return "SOURCE";
    case OptionKind::kTrust:
      return "TRUST";
    case OptionKind::kEmbedding:
      return "EMBEDDING";
    case OptionKind::kValidFrom:
      return "VALID FROM";
    case OptionKind::kValidUntil:
      return "VALID UNTIL";
    case OptionKind::kFromEpisode:
      return "FROM EPISODE";
    case OptionKind::kConfidence:
      return "CONFIDENCE";
    case OptionKind::kSupersedes:
      return "SUPERSEDES";
    case OptionKind::kFrom:
      return "FROM";
    case OptionKind::kTo:
      return "TO";
    case OptionKind::kTop:
      return "TOP";
    case OptionKind::kKinds:
      return "KINDS";
    case OptionKind::kUsing:
      return "USING";
    case OptionKind::kWeights:
      return "WEIGHTS";
    case OptionKind::kMinTrust:
      return "MIN TRUST";
    case OptionKind::kRecallExplain:
      return "EXPLAIN";
    case OptionKind::kAsOf:
      return "AS OF";
    case OptionKind::kKnownAt:
      return "KNOWN AT";
    case OptionKind::kBefore:
      return "BEFORE";
    case OptionKind::kHalfLife:
      return "HALF LIFE";
    case OptionKind::kDryRun:
      return "DRY RUN";
    case OptionKind::kApply:
      return "APPLY";
    case OptionKind::kThreshold:
      return "THRESHOLD";
    case OptionKind::kSeed:
      return "SEED";
    case OptionKind::kResolution:
      return "RESOLUTION";
  }
  return "?";
}

void AstBuilder::CheckOnce(uint64_t* seen, const Item& option) {
  const uint64_t bit = uint64_t{1} << option.code;
  if (*seen & bit) {
    Fail("duplicate " + std::string(OptionKindName(static_cast<OptionKind>(option.code))) +
             " option: each option may be given once",
         option.pos);
  }
  *seen |= bit;
}

namespace {

bool IsFlag(const Item& it, Flag f) { return it.tag == ItemTag::kFlag && it.code == static_cast<int>(f); }
OptionKind KindOf(const Item& it) { return static_cast<OptionKind>(it.code); }

}  // namespace

void AstBuilder::Option(OptionKind kind, Pos p) {
  auto items = TakeSinceMark();
  Item option;
  option.tag = ItemTag::kOption;
  option.code = static_cast<int>(kind);
  option.pos = p;
  const bool is_list = kind == OptionKind::kAbout || kind == OptionKind::kFromEpisode;
  for (auto& it : items) {
    if (it.tag == ItemTag::kName) {
      option.names.push_back(std::move(it.text));
    } else if (is_list) {
      option.exprs.push_back(TakeExpr(it));
    } else {
      option.expr = TakeExpr(it);
    }
  }
  Push(std::move(option));
}

void AstBuilder::ValidOption(Pos p) {
  bool until = false;
  for (size_t i = Mark(); i < items_.size(); ++i) {
    if (items_[i].tag == ItemTag::kFlag) {
      until = true;
      items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  Option(until ? OptionKind::kValidUntil : OptionKind::kValidFrom, p);
}

void AstBuilder::PropertyDef(Pos p) {
  auto items = TakeSinceMark();
  lang::PropertyDef def;
  def.line = p.line;
  def.column = p.column;
  def.name = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) {
    if (IsFlag(items[i], Flag::kKey)) {
      def.key = true;
    } else {
      def.type = static_cast<PropertyType>(items[i].value);
    }
  }
  PushNode(ItemTag::kPropertyDef, p, std::move(def));
}

void AstBuilder::RoleDef(Pos p) {
  auto items = TakeSinceMark();
  lang::RoleDef def;
  def.line = p.line;
  def.column = p.column;
  def.name = std::move(items.at(0).text);
  def.entity_type = std::move(items.at(1).text);
  if (items.size() > 2) {
    def.cardinality = IsFlag(items[2], Flag::kMany) ? Cardinality::kMany : Cardinality::kOne;
  }
  PushNode(ItemTag::kRoleDef, p, std::move(def));
}

void AstBuilder::DefineEntity() {
  auto items = TakeSinceMark();
  lang::DefineEntity def;
  def.name = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) {
    if (items[i].tag == ItemTag::kPropertyDef) {
      def.properties.push_back(std::move(std::get<lang::PropertyDef>(items[i].node)));
    } else {
      def.roles.push_back(std::move(std::get<lang::RoleDef>(items[i].node)));
    }
  }
  PushStatementBody(std::move(def));
}

void AstBuilder::DefineRelation(bool is_event) {
  auto items = TakeSinceMark();
  lang::DefineRelation def;
  def.is_event = is_event;
  def.name = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) {
    if (items[i].tag == ItemTag::kPropertyDef) {
      def.properties.push_back(std::move(std::get<lang::PropertyDef>(items[i].node)));
    } else if (items[i].tag == ItemTag::kRoleDef) {
      def.roles.push_back(std::move(std::get<lang::RoleDef>(items[i].node)));
    } else {
      def.unique_roles.push_back(std::move(items[i].text));
    }
  }
  PushStatementBody(std::move(def));
}

void AstBuilder::ShowSchema() { PushStatementBody(lang::ShowSchema{}); }

void AstBuilder::Observe() {
  auto items = TakeSinceMark();
  lang::Observe obs;
  obs.text = TakeExpr(items.at(0));
  uint64_t seen = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    Item& o = items[i];
    CheckOnce(&seen, o);
    switch (KindOf(o)) {
      case OptionKind::kAt:
        obs.at = std::move(o.expr);
        break;
      case OptionKind::kBy:
        obs.by = std::move(o.expr);
        break;
      case OptionKind::kIn:
        obs.session = std::move(o.expr);
        break;
      case OptionKind::kAbout:
        obs.about = std::move(o.exprs);
        break;
      case OptionKind::kSource:
        obs.source = std::move(o.expr);
        break;
      case OptionKind::kTrust:
        obs.trust = std::move(o.expr);
        break;
      case OptionKind::kEmbedding:
        obs.embedding = std::move(o.expr);
        break;
      default:
        Fail("internal parser error: unexpected OBSERVE option", o.pos);
    }
  }
  PushStatementBody(std::move(obs));
}

void AstBuilder::RoleBinding(Pos p) {
  auto items = TakeSinceMark();
  lang::RoleBinding binding;
  binding.line = p.line;
  binding.column = p.column;
  binding.role = std::move(items.at(0).text);
  binding.value = TakeExpr(items.at(1));
  PushNode(ItemTag::kRoleBinding, p, std::move(binding));
}

void AstBuilder::FactPattern(Pos p) {
  auto items = TakeSinceMark();
  lang::FactPattern fact;
  fact.line = p.line;
  fact.column = p.column;
  fact.relation = std::move(items.at(0).text);
  for (size_t i = 1; i < items.size(); ++i) {
    fact.roles.push_back(std::move(std::get<lang::RoleBinding>(items[i].node)));
  }
  PushNode(ItemTag::kFact, p, std::move(fact));
}

void AstBuilder::Assert() {
  auto items = TakeSinceMark();
  lang::Assert a;
  a.fact = std::move(std::get<lang::FactPattern>(items.at(0).node));
  uint64_t seen = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    Item& o = items[i];
    CheckOnce(&seen, o);
    switch (KindOf(o)) {
      case OptionKind::kValidFrom:
        a.valid_from = std::move(o.expr);
        break;
      case OptionKind::kValidUntil:
        a.valid_until = std::move(o.expr);
        break;
      case OptionKind::kAt:
        a.at = std::move(o.expr);
        break;
      case OptionKind::kFromEpisode:
        a.from_episodes = std::move(o.exprs);
        break;
      case OptionKind::kConfidence:
        a.confidence = std::move(o.expr);
        break;
      case OptionKind::kSupersedes:
        a.supersedes = std::move(o.expr);
        break;
      case OptionKind::kEmbedding:
        a.embedding = std::move(o.expr);
        break;
      default:
        Fail("internal parser error: unexpected ASSERT option", o.pos);
    }
  }
  PushStatementBody(std::move(a));
}

void AstBuilder::Retract() {
  auto items = TakeSinceMark();
  lang::Retract r;
  if (items.at(0).tag == ItemTag::kFact) {
    r.fact = std::move(std::get<lang::FactPattern>(items[0].node));
  } else {
    r.id = TakeExpr(items[0]);
  }
  PushStatementBody(std::move(r));
}

void AstBuilder::History() {
  auto items = TakeSinceMark();
  lang::History h;
  h.fact = std::move(std::get<lang::FactPattern>(items.at(0).node));
  PushStatementBody(std::move(h));
}

void AstBuilder::Timeline() {
  auto items = TakeSinceMark();
  lang::Timeline t;
  t.entity = TakeExpr(items.at(0));
  ExprPtr as_of, known_at;
  uint64_t seen = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    Item& o = items[i];
    CheckOnce(&seen, o);
    switch (KindOf(o)) {
      case OptionKind::kFrom:
        t.from = std::move(o.expr);
        break;
      case OptionKind::kTo:
        t.to = std::move(o.expr);
        break;
      case OptionKind::kAsOf:
        as_of = std::move(o.expr);
        break;
      case OptionKind::kKnownAt:
        known_at = std::move(o.expr);
        break;
      default:
        Fail("internal parser error: unexpected TIMELINE option", o.pos);
    }
  }
  PushStatementBody(std::move(t), std::move(as_of), std::move(known_at));
}

void AstBuilder::Recall() {
  auto items = TakeSinceMark();
  lang::Recall r;
  r.text = TakeExpr(items.at(0));
  ExprPtr as_of, known_at;
  uint64_t seen = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    Item& o = items[i];
    CheckOnce(&seen, o);
    switch (KindOf(o)) {
      case OptionKind::kAbout:
        r.about = std::move(o.exprs);
        break;
      case OptionKind::kTop:
        r.top = std::move(o.expr);
        break;
      case OptionKind::kKinds:
        r.kinds = std::move(o.names);
        break;
      case OptionKind::kUsing:
        r.channels = std::move(o.names);
        break;
      case OptionKind::kWeights:
        r.weights = std::move(o.expr);
        break;
      case OptionKind::kMinTrust:
        r.min_trust = std::move(o.expr);
        break;
      case OptionKind::kRecallExplain:
        r.explain = true;
        break;
      case OptionKind::kEmbedding:
        r.embedding = std::move(o.expr);
        break;
      case OptionKind::kAsOf:
        as_of = std::move(o.expr);
        break;
      case OptionKind::kKnownAt:
        known_at = std::move(o.expr);
        break;
      default:
        Fail("internal parser error: unexpected RECALL option", o.pos);
    }
  }
  PushStatementBody(std::move(r), std::move(as_of), std::move(known_at));
}

void AstBuilder::Forget() {
  auto items = TakeSinceMark();
  lang::Forget f;
  if (items.at(0).tag == ItemTag::kOption) {
    f.episodes_before = std::move(items[0].expr);
  } else {
    f.id = TakeExpr(items[0]);
  }
  PushStatementBody(std::move(f));
}

void AstBuilder::Restore() {
  auto items = TakeSinceMark();
  PushStatementBody(lang::Restore{TakeExpr(items.at(0))});
}

void AstBuilder::Purge() {
  auto items = TakeSinceMark();
  PushStatementBody(lang::Purge{TakeExpr(items.at(0))});
}

void AstBuilder::Consolidate() {
  auto items = TakeSinceMark();
  lang::Consolidate c;
  uint64_t seen = 0;
  for (auto& it : items) {
    if (it.tag == ItemTag::kFlag) {
      switch (static_cast<Flag>(it.code)) {
        case Flag::kJobCommunities:
          c.job = ConsolidateJob::kCommunities;
          break;
        case Flag::kJobImportance:
          c.job = ConsolidateJob::kImportance;
          break;
        case Flag::kJobDecay:
          c.job = ConsolidateJob::kDecay;
          break;
        default:
          c.job = ConsolidateJob::kDedupe;
          break;
      }
      continue;
    }
    CheckOnce(&seen, it);
    switch (KindOf(it)) {
      case OptionKind::kHalfLife:
        c.half_life = std::move(it.expr);
        break;
      case OptionKind::kDryRun:
        c.dry_run = true;
        break;
      case OptionKind::kApply:
        c.apply = true;
        break;
      case OptionKind::kThreshold:
        c.threshold = std::move(it.expr);
        break;
      case OptionKind::kSeed:
        c.seed = std::move(it.expr);
        break;
      case OptionKind::kResolution:
        c.resolution = std::move(it.expr);
        break;
      default:
        Fail("internal parser error: unexpected CONSOLIDATE option", it.pos);
    }
  }
  PushStatementBody(std::move(c));
}

void AstBuilder::MergeEntity() {
  auto items = TakeSinceMark();
  lang::MergeEntity m;
  m.from = TakeExpr(items.at(0));
  m.into = TakeExpr(items.at(1));
  PushStatementBody(std::move(m));
}

void AstBuilder::Unmerge() {
  auto items = TakeSinceMark();
  lang::MergeEntity m;
  m.unmerge = TakeExpr(items.at(0));
  PushStatementBody(std::move(m));
}

void AstBuilder::Snapshot() { PushStatementBody(lang::Snapshot{}); }

}  // namespace mnemo::lang::internal
