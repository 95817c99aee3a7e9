#include "model/lang/source.hpp"

#include "model/lang/codec_tables.hpp"
#include "model/runtime/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace asim::lang {

namespace {

// Universal newlines: "\r\n" and a lone "\r" become "\n".
std::string translate_newlines(std::string text) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return c == '\r'; })) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return out;
}

}  // namespace

Source::Source(std::string path, std::string text) : path_(std::move(path)), text_(translate_newlines(std::move(text))) {
  std::string_view rest = text_;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    lines_.push_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
}

std::string_view Source::line(int n) const {
  if (n < 1 || n > static_cast<int>(lines_.size())) return {};
  return lines_[static_cast<std::size_t>(n - 1)];
}

std::string_view Source::file_line(int n) const { return file_ ? file_->line(n) : line(n); }

void Source::keep_file_text(std::string text) { file_ = std::make_shared<const Source>(path_, std::move(text)); }

Diagnostic::Diagnostic(Kind kind, std::shared_ptr<const Source> source, Loc loc, std::string message, Loc end)
    : std::runtime_error(message),
      kind_(kind),
      source_(std::move(source)),
      loc_(loc),
      end_(end),
      message_(std::move(message)) {}

Diagnostic Diagnostic::about_file(std::shared_ptr<const Source> source, int line, std::string message) {
  Diagnostic d(Kind::SyntaxError, std::move(source), {line, 0}, std::move(message));
  d.whole_file_ = true;
  return d;
}

std::string_view Diagnostic::class_name() const {
  switch (kind_) {
    case Kind::IndentationError: return "IndentationError";
    case Kind::TabError: return "TabError";
    default: return "SyntaxError";
  }
}

std::string Diagnostic::render() const {
  const std::string_view label = kind_ == Kind::Unsupported ? "not supported by asim" : class_name();
  std::string out = fmt::format("{}:{}:{}: {}: {}\n", source_ ? source_->path() : "<string>", loc_.line, loc_.col,
                                label, message_);
  if (source_ && !whole_file()) {
    const auto text = source_->line(loc_.line);
    out += fmt::format("    {}\n    {}^\n", text, std::string(loc_.col > 1 ? static_cast<std::size_t>(loc_.col - 1) : 0, ' '));
  }
  if (kind_ == Kind::Unsupported)
    out += "asim runs a documented subset of Python (docs/language.md); rewrite this part with the constructs listed "
           "there.\n";
  return out;
}

// ------------------------------------------------------------ reading a file

namespace {

// CPython's tokenizer (get_normal_name): the spellings of UTF-8 and Latin-1
// it knows itself; other names go to the codec registry as written.
std::string normal_encoding_name(std::string_view name) {
  std::string n;
  for (char c : name.substr(0, 12)) n += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto is = [&](std::string_view base) { return n == base || n.rfind(std::string(base) + "-", 0) == 0; };
  if (is("utf-8")) return "utf-8";
  if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1")) return "iso-8859-1";
  return std::string(name);
}

// The name in a `# ... coding[:=] NAME` comment line (PEP 263), if any.
std::optional<std::string> coding_spec(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t\f");
  if (i == std::string_view::npos || line[i] != '#') return std::nullopt;
  for (std::size_t at = line.find("coding", i); at != std::string_view::npos; at = line.find("coding", at + 1)) {
    std::size_t k = at + 6;
    if (k >= line.size() || (line[k] != ':' && line[k] != '=')) continue;
    ++k;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    const std::size_t b = k;
    while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '-' ||
                               line[k] == '_' || line[k] == '.'))
      ++k;
    if (k > b) return normal_encoding_name(line.substr(b, k - b));
  }
  return std::nullopt;
}

// Whether a line holds nothing but blanks or a comment (CPython looks for a
// declaration on line 2 only after such a line 1).
bool blank_or_comment(std::string_view line) {
  const auto i = line.find_first_not_of(" \t\f\r");
  return i == std::string_view::npos || line[i] == '#';
}

// The line (1-based) of byte `pos`, lines ending as universal newlines end them.
int line_at(std::string_view text, std::size_t pos) {
  int line = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
  return line;
}

// The byte offset where `text` stops being valid UTF-8, or npos.
std::size_t invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + static_cast<std::size_t>(n) > text.size()) return i;
    for (int k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

// The codec registry's entry for a declared name (codecs.lookup): lower
// case, runs of punctuation as one '_' (encodings.normalize_encoding), then
// the aliases and the codec modules (a name with a '.' only as an alias, with
// '_' for it). Null where the registry of `registry` (a version's bit in
// the tables) has no such codec.
const codecs::Codec* lookup_codec(std::string_view name, int registry) {
  std::string norm;
  bool punct = false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') {
      if (punct && !norm.empty()) norm += '_';
      norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      punct = false;
    } else {
      punct = true;
    }
  }
  std::replace(norm.begin(), norm.end(), '.', '_');
  const auto* names = codecs::kCodecNames;
  const auto* end = names + codecs::kCodecNamesSize;
  for (auto it = std::lower_bound(names, end, norm, [](const codecs::CodecName& n, const std::string& key) {
         return std::string_view(n.name) < key;
       });
       it != end && it->name == norm; ++it)
    if (it->versions & (1u << registry)) return &codecs::kCodecs[it->codec];
  return nullptr;
}

}  // namespace

std::shared_ptr<const Source> load_source(std::string path, std::string_view bytes, const SyntaxFeatures& syntax) {
  auto fail = [&](std::string message, int line) {
    throw Diagnostic::about_file(std::make_shared<const Source>(path, ""), line, std::move(message));
  };
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) bytes.remove_prefix(3);

  // tokenizer.c's check_coding_spec: line 1, or line 2 after a blank or comment line 1.
  const auto eol1 = bytes.find_first_of("\r\n");
  const std::string_view line1 = bytes.substr(0, eol1);
  std::optional<std::string> declared = coding_spec(line1);
  int declared_line = 1;
  if (!declared && eol1 != std::string_view::npos && blank_or_comment(line1)) {
    std::size_t b = eol1 + (bytes.substr(eol1, 2) == "\r\n" ? 2 : 1);
    declared = coding_spec(bytes.substr(b, bytes.find_first_of("\r\n", b) - b));
    declared_line = 2;
  }
  std::string text;
  if (declared && bom && *declared != "utf-8") fail(fmt::format("encoding problem: {} with BOM", *declared), declared_line);
  if (!declared) {
    text = bytes;  // checked below, as the tokenizer reads it
  } else if (*declared == "utf-8") {
    // The tokenizer's own spelling of UTF-8 reads the bytes as they are; a
    // byte that is not UTF-8 fails only where a token decodes it, which
    // asim does not model: it keeps the check of an undeclared file.
    if (const auto bad = invalid_utf8(bytes); bad != std::string_view::npos) {
      const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
      throw Diagnostic(Diagnostic::Kind::Unsupported, std::make_shared<const Source>(path, ""),
                       {static_cast<int>(line), 1}, "bytes that are not UTF-8 in a file declared utf-8");
    }
    text = bytes;
  } else {
    // fp_setreadl: any other name goes to the codec registry, which decodes
    // the file after the declaration's line (that line and any before it
    // are read as they are); a name the registry does not know, a codec that
    // is no text encoding or bytes it cannot decode are an "encoding problem".
    const codecs::Codec* codec = lookup_codec(*declared, syntax.codec_registry);
    if (!codec || codec->kind == codecs::CodecKind::Refused) fail(fmt::format("encoding problem: {}", *declared), declared_line);
    if (codec->kind == codecs::CodecKind::NotDecoded) {
      throw Diagnostic(Diagnostic::Kind::Unsupported, std::make_shared<const Source>(path, ""), {declared_line, 1},
                       fmt::format("source encoding '{}' (asim decodes UTF-8 and the one-byte code pages)", *declared));
    }
    std::size_t head = 0;
    for (int n = 0; n < declared_line && head < bytes.size(); ++n) {
      head = bytes.find_first_of("\r\n", head);
      if (head == std::string_view::npos) head = bytes.size();
      else head += bytes.compare(head, 2, "\r\n") == 0 ? 2 : 1;
    }
    text = bytes.substr(0, head);
    const std::string_view rest = bytes.substr(head);
    if (codec->kind == codecs::CodecKind::Utf8) {
      if (invalid_utf8(rest) != std::string_view::npos) fail(fmt::format("encoding problem: {}", *declared), declared_line);
      text += rest;
    } else {
      const char16_t* table = codecs::kOneByteTables + codec->table;
      for (const char ch : rest) {
        const char16_t cp = table[static_cast<unsigned char>(ch)];
        if (cp == 0xFFFF) fail(fmt::format("encoding problem: {}", *declared), declared_line);
        runtime::text::append(text, cp);
      }
    }
  }

  // No declaration: the tokenizer checks that each line it reads is UTF-8.
  std::optional<std::pair<int, Diagnostic>> not_utf8;
  auto check_utf8 = [&](std::string_view read, auto line_in_message) {
    const auto bad = invalid_utf8(read);
    if (declared || bad == std::string_view::npos) return;
    const int line = line_at(read, bad);
    not_utf8.emplace(
        line, Diagnostic::about_file(
                  std::make_shared<const Source>(path, ""), line,
                  fmt::format("Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; "
                              "see {} for details",
                              static_cast<unsigned char>(read[bad]), path,
                              line + (syntax.non_utf8_names_next_line ? 1 : line_in_message(bad)), syntax.pep263_url)));
  };
  const bool through_codec = declared && *declared != "utf-8";
  auto make_source = [&](std::string read) {
    auto source = std::make_shared<Source>(std::move(path), std::move(read));
    if (through_codec) source->set_read_through_codec();
    if (declared || bom) source->set_encoding_known();
    if (bom) source->set_had_bom();
    if (not_utf8) source->defer_encoding_error(not_utf8->first, std::make_shared<const Diagnostic>(not_utf8->second));
    return source;
  };
  const auto nul = text.find('\0');
  if (nul != std::string::npos && through_codec && syntax.recoded_null_is_token) {
    auto source = make_source(std::move(text));
    source->set_null_is_character();
    return source;
  }
  if (nul == std::string::npos || syntax.null_bytes_rejected) {
    // 3.11+: the tokenizer refuses a line with a null byte when it reads it
    // (the Lexer); what follows the null byte is never read.
    const auto bad = invalid_utf8(text);
    if (nul == std::string::npos || bad < nul)  // a line is checked as a C string
      check_utf8(text, [](std::size_t) { return 0; });
    return make_source(std::move(text));
  }
  // Before 3.11, read as C strings, line by line: a null byte ends its
  // line's text, and the newline after it goes too (the line goes on with
  // the next one, read apart: the lines read are counted). A line with no
  // text at all is a blank line on 3.7-3.9; on 3.10 a null byte stays to
  // tell the Lexer that the read failed there.
  std::string kept;
  std::vector<std::size_t> joins;  // where in `kept` a line goes on with the next one
  for (std::size_t i = 0; i < text.size();) {
    const auto z = text.find('\0', i);
    if (z == std::string::npos) {
      kept.append(text, i, std::string::npos);
      break;
    }
    kept.append(text, i, z - i);
    const bool empty = z == 0 || text[z - 1] == '\n' || text[z - 1] == '\r';
    if (empty && !syntax.null_line_is_blank) kept += '\0';
    const auto nl = text.find_first_of("\r\n", z);
    if (nl == std::string::npos) break;
    i = nl + (text.compare(nl, 2, "\r\n") == 0 ? 2 : 1);
    if (empty && syntax.null_line_is_blank) kept += '\n';
    if (!empty) joins.push_back(kept.size());
  }
  check_utf8(kept, [&](std::size_t bad) {
    const std::size_t start = kept.find_last_of("\r\n", bad) + 1;  // npos + 1 == 0
    return static_cast<int>(std::count_if(joins.begin(), joins.end(), [&](std::size_t j) { return j > start && j <= bad; }));
  });
  auto source = make_source(std::move(kept));
  source->keep_file_text(std::move(text));
  return source;
}

}  // namespace asim::lang
