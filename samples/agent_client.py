#!/usr/bin/env python3
"""A mnemo client for agent frameworks, and a short demo of an agent's memory.

MnemoClient is meant to be copied into an agent framework: Python 3 standard
library only (urllib, json), one class, one exception. It talks to
`mnemo serve` (see shell/README.md, "mnemo serve"):

    memory = MnemoClient("http://127.0.0.1:8765", scope="agent-7")
    turn = memory.observe("Caroline: I moved to Berlin", speaker=("Person", "Caroline"))
    memory.assert_fact("lives_in", {"resident": ("Person", "Caroline"), "city": ("City", "Berlin")},
                       episodes=[turn])
    for hit in memory.recall("where does Caroline live?", about=[("Person", "Caroline")]):
        print(hit["kind"], hit["text"], hit["score"])

Values always travel as query parameters, never spliced into statement text;
names (relations, roles, entity types) are checked against [A-Za-z_][A-Za-z0-9_]*.

Run the demo against a server:

    build/mnemo serve &                       # listens on 127.0.0.1:8765
    python3 samples/agent_client.py           # --url, --token, --scope to change
"""

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class MnemoError(Exception):
    """A request the server refused or a statement that failed.

    code is the server's error code ("SyntaxError", "Unsupported",
    "Unauthorized", ...; "ConnectionError" when the server cannot be reached),
    status the HTTP status (0 without a reply), line/column the position in
    the statement when known.
    """

    def __init__(self, code, message, status=0, line=None, column=None):
        where = f" at line {line}, column {column}" if line else ""
        super().__init__(f"{code}{where}: {message}")
        self.code, self.message, self.status, self.line, self.column = code, message, status, line, column


class MnemoClient:
    """The memory of one agent (one scope) on a mnemo server.

    Every method raises MnemoError on failure. Not thread-safe by contract
    (it holds no connection, so sharing one between threads works in practice).
    """

    def __init__(self, url="http://127.0.0.1:8765", token=None, scope="default", timeout=30.0):
        self.url = url.rstrip("/")
        self.token = token if token is not None else os.environ.get("MNEMO_TOKEN")
        self.scope = scope
        self.timeout = timeout

    # --- the language --------------------------------------------------------------

    def query(self, statement, **params):
        """Runs one statement; returns its result {"columns", "rows", "stats"}."""
        reply = self._post_query(statement, params)
        if "results" in reply:  # several statements were sent
            raise MnemoError("InvalidArgument", "query() runs one statement; use script() for several")
        return reply

    def rows(self, statement, **params):
        """Runs one statement; returns its rows as dicts keyed by column."""
        result = self.query(statement, **params)
        return [dict(zip(result["columns"], row)) for row in result["rows"]]

    def script(self, statements, **params):
        """Runs several statements (separated by ';'); returns one result per statement.
        All of them run even when one fails; the first failure is raised afterwards."""
        reply = self._post_query(statements, params)
        return reply["results"] if "results" in reply else [reply]

    # --- memory helpers ----------------------------------------------------------------

    def observe(self, text, speaker=None, session=None, at=None, about=(), source=None, trust=None):
        """Records an episode (something said or seen); returns its id.
        speaker and each of about are (Type, key) pairs, at an ISO-8601 time."""
        params = {"text": text}
        clauses = ["OBSERVE $text"]
        if at is not None:
            clauses.append("AT $at")
            params["at"] = at
        if speaker is not None:
            clauses.append("BY " + _entity(speaker, "speaker", params))
        if session is not None:
            clauses.append("IN $session")
            params["session"] = session
        if about:
            clauses.append("ABOUT " + ", ".join(_entity(e, f"about{i}", params) for i, e in enumerate(about)))
        if source is not None:
            clauses.append("SOURCE $source")
            params["source"] = source
        if trust is not None:
            clauses.append("TRUST $trust")
            params["trust"] = trust
        return self.query(" ".join(clauses), **params)["rows"][0][0]

    def assert_fact(self, relation, roles, valid_from=None, valid_until=None, episodes=(), confidence=None):
        """Records a fact: relation(role: value, ...). A role's value is a (Type, key)
        pair for an entity, a list of them, or a plain value. episodes are the ids
        of the episodes it was learned from (provenance). Returns the fact's id."""
        params = {}
        bound = []
        for i, (role, value) in enumerate(roles.items()):
            if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
                term = "[" + ", ".join(_entity(v, f"r{i}_{j}", params) for j, v in enumerate(value)) + "]"
            elif isinstance(value, tuple):
                term = _entity(value, f"r{i}", params)
            else:
                term = f"$r{i}"
                params[f"r{i}"] = value
            bound.append(f"{_name(role)}: {term}")
        statement = f"ASSERT {_name(relation)}({', '.join(bound)})"
        if valid_from is not None:
            statement += " VALID FROM $valid_from"
            params["valid_from"] = valid_from
        if valid_until is not None:
            statement += " VALID UNTIL $valid_until"
            params["valid_until"] = valid_until
        if episodes:
            statement += " FROM EPISODE " + ", ".join(f"$episode{i}" for i in range(len(episodes)))
            params.update({f"episode{i}": e for i, e in enumerate(episodes)})
        if confidence is not None:
            statement += " CONFIDENCE $confidence"
            params["confidence"] = confidence
        return self.query(statement, **params)["rows"][0][0]

    def recall(self, question, about=(), top=10, kinds=None):
        """Hybrid retrieval for the next prompt: rows with kind, id, text, time, score."""
        params = {"question": question}
        statement = "RECALL $question"
        if about:
            statement += " ABOUT " + ", ".join(_entity(e, f"about{i}", params) for i, e in enumerate(about))
        statement += f" TOP {int(top)}"
        if kinds:
            statement += " KINDS " + ", ".join(_name(k) for k in kinds)
        return self.rows(statement, **params)

    # --- the server ----------------------------------------------------------------------

    def health(self):
        return self._request("GET", "/health")

    def stats(self):
        return self._request("GET", "/stats")

    def scopes(self):
        return self._request("GET", "/scopes")["scopes"]

    def drop_scope(self, name=None):
        """Drops a scope (this client's by default) and everything in it."""
        return self._request("DELETE", "/scopes/" + (name or self.scope))

    # --- HTTP ----------------------------------------------------------------------------

    def _post_query(self, statements, params):
        reply = self._request("POST", "/query", {"query": statements, "params": params, "scope": self.scope})
        failures = [r for r in reply.get("results", [reply]) if "error" in r]
        if failures:
            raise _error_from(failures[0], 422)
        return reply

    def _request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            try:
                reply = json.loads(text)
            except ValueError:
                raise MnemoError("HttpError", text or error.reason, error.code) from None
            # A script with a failed statement: report that statement's error.
            failed = [r for r in reply.get("results", [reply]) if "error" in r]
            raise _error_from(failed[0] if failed else reply, error.code) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise MnemoError("ConnectionError", f"cannot reach {self.url}: {reason}") from None


def _name(name):
    if not isinstance(name, str) or not _NAME.match(name):
        raise MnemoError("InvalidArgument", f"not a valid name: {name!r}")
    return name


def _entity(entity, param, params):
    """`Type $param` for a (Type, key) pair, with the key put in params."""
    if not (isinstance(entity, tuple) and len(entity) == 2):
        raise MnemoError("InvalidArgument", f"an entity is a (Type, key) pair, not {entity!r}")
    params[param] = entity[1]
    return f"{_name(entity[0])} ${param}"


def _error_from(reply, status):
    error = reply.get("error", {})
    return MnemoError(error.get("code", "HttpError"), error.get("message", json.dumps(reply)), status,
                      error.get("line"), error.get("column"))


# --- the demo ------------------------------------------------------------------------------

CONVERSATION = [
    ("2023-05-08T13:56:00Z", "Caroline", "Caroline: I moved to Berlin last month, the flat is finally unpacked!",
     [("City", "Berlin")]),
    ("2023-05-08T13:58:00Z", "Melanie", "Melanie: Congrats! Still happy in Lisbon here. Shall we do Paris in June?",
     [("Person", "Caroline"), ("City", "Lisbon"), ("City", "Paris")]),
    ("2023-05-08T14:01:00Z", "Caroline", "Caroline: Yes! The pride parade is on June 24th.",
     [("Person", "Melanie"), ("City", "Paris")]),
]


def demo(memory):
    print(f"mnemo at {memory.url}: {memory.health()['status']}; scope '{memory.scope}'")
    if memory.scope in memory.scopes():
        memory.drop_scope()  # start the demo from an empty memory
        print(f"dropped the previous '{memory.scope}' scope")

    # 1. What the agent knows how to remember (schema is optional; it enables supersession).
    memory.script("""
        DEFINE ENTITY Person (name TEXT KEY);
        DEFINE ENTITY City (name TEXT KEY);
        DEFINE RELATION lives_in (resident: Person, city: City) UNIQUE (resident);
        DEFINE EVENT Trip (traveler: Person MANY, destination: City, purpose TEXT)""")

    # 2. Observe the conversation, turn by turn, as the agent hears it.
    turns = []
    for at, speaker, text, about in CONVERSATION:
        turn = memory.observe(text, speaker=("Person", speaker), session="session-1", at=at, about=about,
                              source="chat")
        turns.append(turn)
        print(f"observed episode {turn}: {text}")

    # 3. Assert what the agent learned, with the episodes it learned it from.
    memory.assert_fact("lives_in", {"resident": ("Person", "Caroline"), "city": ("City", "Berlin")},
                       valid_from="2023-04-01", episodes=[turns[0]])
    memory.assert_fact("lives_in", {"resident": ("Person", "Melanie"), "city": ("City", "Lisbon")},
                       episodes=[turns[1]], confidence=0.8)
    memory.assert_fact("Trip", {"traveler": [("Person", "Caroline"), ("Person", "Melanie")],
                                "destination": ("City", "Paris"), "purpose": "pride parade"},
                       episodes=[turns[1], turns[2]])
    print("asserted: Caroline lives in Berlin, Melanie in Lisbon, both travel to Paris")

    # 4. Current facts: what the agent believes now (superseded facts are hidden).
    for row in memory.rows("MATCH (p:Person)-[:lives_in]->(c:City) RETURN p.name AS person, c.name AS city "
                           "ORDER BY person"):
        print(f"  fact: {row['person']} lives in {row['city']}")

    # 5. Recall context for the next prompt.
    question = "Where does Caroline live, and what are the friends planning?"
    try:
        hits = memory.recall(question, about=[("Person", "Caroline")], top=5)
    except MnemoError as error:
        if error.code != "Unsupported":
            raise
        print(f"RECALL is not available on this server (Unsupported): {error.message}")
        hits = [{"kind": "fact", "text": f"{r['person']} lives in {r['city']}", "score": None}
                for r in memory.rows("MATCH (p:Person)-[:lives_in]->(c:City) "
                                     "RETURN p.name AS person, c.name AS city ORDER BY person")]
        print("falling back to the current facts as context")
    print(f"\ncontext for the next prompt ({question!r}):")
    for hit in hits:
        score = f"{hit['score']:.3f}" if isinstance(hit.get("score"), (int, float)) else "-"
        print(f"  [{hit['kind']:<7} {score}] {hit['text']}")

    counts = memory.stats()["scopes"].get(memory.scope, {})
    print(f"\nscope '{memory.scope}' now holds {counts.get('entities', 0)} entities, "
          f"{counts.get('facts', 0)} facts and {counts.get('episodes', 0)} episodes")


def main():
    parser = argparse.ArgumentParser(description="Observe a conversation, assert facts and recall context "
                                                 "through a mnemo server.")
    parser.add_argument("--url", default=os.environ.get("MNEMO_URL", "http://127.0.0.1:8765"),
                        help="the server (default: $MNEMO_URL or http://127.0.0.1:8765)")
    parser.add_argument("--token", default=None, help="bearer token (default: $MNEMO_TOKEN)")
    parser.add_argument("--scope", default="agent-demo", help="the scope to use (default: agent-demo)")
    args = parser.parse_args()
    memory = MnemoClient(args.url, token=args.token, scope=args.scope)
    try:
        demo(memory)
    except MnemoError as error:
        print(f"agent_client: {error}", file=sys.stderr)
        if error.code == "ConnectionError":
            print("agent_client: start a server first: build/mnemo serve", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
