@0xc7a3e2f1b4d5a691;
# The on-disk form of mnemo records. See FORMAT.md beside this file.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("mnemo::serialize::schema");

struct Value {
  union {
    null @0 :Void;
    bool @1 :Bool;
    int @2 :Int64;
    float @3 :Float64;
    text @4 :Text;
    date @5 :Int64;       # microseconds since the Unix epoch, midnight UTC
    datetime @6 :Int64;   # microseconds since the Unix epoch, UTC
    list @7 :List(Value);
    map @8 :List(MapEntry);
  }
}

struct MapEntry {
  key @0 :Text;
  value @1 :Value;
}

struct Bitemporal {
  validFrom @0 :Int64;
  validTo @1 :Int64;
  recordedAt @2 :Int64;
  retractedAt @3 :Int64;
}
