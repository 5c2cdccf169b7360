#include "tests/tck/gherkin.hpp"

#include <fstream>
#include <sstream>

namespace mnemo::tck {

namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// "Keyword:" at the start of a trimmed line; returns the rest, trimmed.
std::optional<std::string> Header(std::string_view line, std::string_view keyword) {
  if (!StartsWith(line, keyword) || line.size() <= keyword.size() || line[keyword.size()] != ':') return std::nullopt;
  return std::string(Trim(line.substr(keyword.size() + 1)));
}

Status LineError(int line, const std::string& what) {
  return Status::InvalidArgument("line " + std::to_string(line) + ": " + what);
}

size_t Indent(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  return i;
}

struct Outline {
  Scenario scenario;  // the template
  struct Examples {
    std::vector<std::string> tags;
    Table table;
    int line = 0;
  };
  std::vector<Examples> examples;
};

Step SubstituteStep(const Step& step, const std::vector<std::string>& names, const std::vector<std::string>& values) {
  Step out = step;
  out.text = Substitute(step.text, names, values);
  if (step.doc_string) out.doc_string = Substitute(*step.doc_string, names, values);
  if (step.table)
    for (auto& row : out.table->rows)
      for (auto& cell : row) cell = Substitute(cell, names, values);
  return out;
}

}  // namespace

std::vector<std::string> SplitTableRow(std::string_view line) {
  std::vector<std::string> cells;
  line = Trim(line);
  if (line.empty() || line.front() != '|') return cells;
  std::string cell;
  bool open = false;  // inside a cell (after a '|')
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '|') {
      if (open) cells.emplace_back(Trim(cell));
      cell.clear();
      open = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      const char n = line[i + 1];
      if (n == '|') { cell += '|'; ++i; }
      else if (n == '\\') { cell += '\\'; ++i; }
      else if (n == 'n') { cell += '\n'; ++i; }
      else cell += c;
    } else {
      cell += c;
    }
  }
  // Text after the last '|' (a row without its closing bar) is not a cell.
  return cells;
}

std::string Substitute(std::string_view text, const std::vector<std::string>& names,
                       const std::vector<std::string>& values) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      const size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        bool replaced = false;
        for (size_t k = 0; k < names.size() && k < values.size(); ++k)
          if (names[k] == name) {
            out += values[k];
            i = close + 1;
            replaced = true;
            break;
          }
        if (replaced) continue;
      }
    }
    out += text[i++];
  }
  return out;
}

Result<Feature> ParseFeature(std::string_view text, std::string path) {
  // Split into lines (keeping line numbers 1-based).
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
    if (end == text.size()) break;
  }

  Feature feature;
  feature.path = std::move(path);
  bool have_feature = false;
  std::vector<std::string> pending_tags;

  enum class Section { kNone, kFeature, kBackground, kScenario, kOutline, kExamples };
  Section section = Section::kNone;
  std::optional<Scenario> scenario;  // current plain scenario
  std::optional<Outline> outline;    // current outline
  std::vector<Step>* steps = nullptr;  // where steps go

  auto flush = [&]() {
    if (scenario) {
      feature.scenarios.push_back(std::move(*scenario));
      scenario.reset();
    }
    if (outline) {
      const Scenario& tmpl = outline->scenario;
      for (const auto& ex : outline->examples) {
        if (ex.table.rows.empty()) continue;
        const auto& names = ex.table.rows.front();
        for (size_t r = 1; r < ex.table.rows.size(); ++r) {
          const auto& values = ex.table.rows[r];
          Scenario s;
          s.name = Substitute(tmpl.name, names, values) + " (example " + std::to_string(r) + ")";
          s.line = ex.table.lines[r];
          s.outline_line = tmpl.line;
          s.tags = tmpl.tags;
          s.tags.insert(s.tags.end(), ex.tags.begin(), ex.tags.end());
          for (const auto& step : tmpl.steps) s.steps.push_back(SubstituteStep(step, names, values));
          feature.scenarios.push_back(std::move(s));
        }
      }
      outline.reset();
    }
    steps = nullptr;
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    const int lineno = static_cast<int>(i) + 1;
    const std::string_view raw = lines[i];
    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;

    // Doc string: attached to the last step.
    if (StartsWith(line, "\"\"\"") || StartsWith(line, "```")) {
      const std::string_view delim = line.substr(0, 3);
      if (!steps || steps->empty()) return LineError(lineno, "doc string outside a step");
      Step& step = steps->back();
      if (step.doc_string || step.table) return LineError(lineno, "a step has one doc string or table at most");
      const size_t indent = Indent(raw);
      std::string body;
      bool closed = false;
      size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        std::string_view l = lines[j];
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (Trim(l) == delim) { closed = true; break; }
        // Strip up to `indent` leading whitespace characters.
        size_t k = 0;
        while (k < indent && k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
        if (j > i + 1) body += '\n';
        body += l.substr(k);
      }
      if (!closed) return LineError(lineno, "unclosed doc string");
      step.doc_string = std::move(body);
      i = j;
      continue;
    }

    if (line.front() == '@') {
      std::istringstream in{std::string(line)};
      std::string tag;
      while (in >> tag) {
        if (tag.front() == '#') break;
        pending_tags.push_back(tag);
      }
      continue;
    }

    if (line.front() == '|') {
      std::vector<std::string> cells = SplitTableRow(line);
      Table* table = nullptr;
      if (section == Section::kExamples) {
        table = &outline->examples.back().table;
      } else if (steps && !steps->empty() && !steps->back().doc_string) {
        Step& step = steps->back();
        if (!step.table) step.table = Table{};
        table = &*step.table;
      } else {
        return LineError(lineno, "table outside a step or Examples");
      }
      if (!table->rows.empty() && table->rows.front().size() != cells.size())
        return LineError(lineno, "table row has " + std::to_string(cells.size()) + " cells, the first row has " +
                                     std::to_string(table->rows.front().size()));
      table->rows.push_back(std::move(cells));
      table->lines.push_back(lineno);
      continue;
    }

    if (auto name = Header(line, "Feature")) {
      if (have_feature) return LineError(lineno, "a second Feature");
      have_feature = true;
      feature.name = *name;
      feature.line = lineno;
      feature.tags = std::move(pending_tags);
      pending_tags.clear();
      section = Section::kFeature;
      continue;
    }
    if (Header(line, "Rule")) {
      flush();
      section = Section::kFeature;
      pending_tags.clear();
      continue;
    }
    if (Header(line, "Background")) {
      if (!have_feature) return LineError(lineno, "Background before Feature");
      flush();
      section = Section::kBackground;
      steps = &feature.background;
      pending_tags.clear();
      continue;
    }
    {
      std::optional<std::string> name;
      bool is_outline = false;
      if ((name = Header(line, "Scenario Outline")) || (name = Header(line, "Scenario Template"))) {
        is_outline = true;
      } else {
        name = Header(line, "Scenario");
        if (!name) name = Header(line, "Example");
      }
      if (name) {
        if (!have_feature) return LineError(lineno, "Scenario before Feature");
        flush();
        Scenario s;
        s.name = *name;
        s.line = lineno;
        s.tags = std::move(pending_tags);
        pending_tags.clear();
        if (is_outline) {
          s.outline_line = lineno;
          outline = Outline{std::move(s), {}};
          steps = &outline->scenario.steps;
          section = Section::kOutline;
        } else {
          scenario = std::move(s);
          steps = &scenario->steps;
          section = Section::kScenario;
        }
        continue;
      }
    }
    if (Header(line, "Examples") || Header(line, "Scenarios")) {
      if (!outline) return LineError(lineno, "Examples outside a Scenario Outline");
      outline->examples.push_back(Outline::Examples{std::move(pending_tags), Table{}, lineno});
      pending_tags.clear();
      section = Section::kExamples;
      steps = nullptr;
      continue;
    }

    // A step?
    static constexpr std::string_view kKeywords[] = {"Given", "When", "Then", "And", "But", "*"};
    bool is_step = false;
    for (std::string_view kw : kKeywords) {
      if (StartsWith(line, kw) && (line.size() == kw.size() || line[kw.size()] == ' ')) {
        if (section != Section::kBackground && section != Section::kScenario && section != Section::kOutline)
          return LineError(lineno, "step outside a Scenario or Background");
        Step step;
        step.keyword = std::string(kw);
        step.text = std::string(Trim(line.substr(kw.size())));
        step.line = lineno;
        steps->push_back(std::move(step));
        is_step = true;
        break;
      }
    }
    if (is_step) continue;

    // Free description text: allowed under a header, before the first step.
    if (section == Section::kFeature || section == Section::kExamples ||
        ((section == Section::kBackground || section == Section::kScenario || section == Section::kOutline) &&
         steps && steps->empty()))
      continue;
    return LineError(lineno, "unexpected line: " + std::string(line));
  }
  flush();
  if (!have_feature) return Status::InvalidArgument("no Feature in the file");
  return feature;
}

Result<Feature> ParseFeatureFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseFeature(text.str(), path);
}

}  // namespace mnemo::tck
