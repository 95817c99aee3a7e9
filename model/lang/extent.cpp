#include "model/lang/extent.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <optional>

namespace asim::lang {

using namespace ast;

namespace {

bool ident_start(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool ident_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c >= 0x80;
}
bool string_prefix(std::string_view p) {
  if (p.size() > 2) return false;
  for (char c : p)
    if (!std::strchr("rRbBuUfF", c)) return false;
  return true;
}

}  // namespace

Extents::Extents(std::shared_ptr<const Source> source) : source_(std::move(source)) {
  if (source_) tokenize(source_->text());
  for (std::size_t i = 0; i < tokens_.size(); ++i) index_[{tokens_[i].line, tokens_[i].col}] = static_cast<int>(i);
}

// A tokenizer just good enough to find where tokens start and end: names,
// numbers, strings (prefixes, triple quotes), operators. The expressions in
// an f-string's replacement fields are tokenized too (as 3.12's tokenizer
// does): their tokens follow the f-string's own token, which counts them in
// `inner` so that walks over the enclosing expression skip them.
void Extents::tokenize(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  int line = 1, col = 0;
  auto adv = [&] {
    if (text[i] == '\n') {
      ++line;
      col = 0;
    } else {
      ++col;  // byte columns, as the parser's Loc
    }
    ++i;
  };
  auto at = [&](std::size_t k) -> char { return k < n ? text[k] : '\0'; };

  static constexpr const char* ops3[] = {"**=", "//=", ">>=", "<<=", "..."};
  static constexpr const char* ops2[] = {"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=", "-=", "*=",
                                         "/=", "%=", "&=", "|=", "^=", "@=", "->", ":="};

  std::function<void(bool)> scan_tokens;
  // Scans a string literal from its opening quote; in an f-string, the
  // replacement fields' expressions become tokens.
  std::function<void(bool, char)> scan_string = [&](bool fstring, char outer_quote) {
    const char q = text[i];
    const bool triple = at(i + 1) == q && at(i + 2) == q;
    for (int k = 0; k < (triple ? 3 : 1); ++k) adv();
    while (i < n) {
      const char c = text[i];
      if (c == '\\') {
        adv();
        if (i < n) adv();
        continue;
      }
      if (fstring && c == '{') {
        if (at(i + 1) == '{') {
          adv();
          adv();
          continue;
        }
        adv();
        scan_tokens(true);  // the expression, up to its ':', '!' or '}'
        // A conversion and a format spec (which may hold nested fields).
        int depth = 1;
        while (i < n && depth > 0) {
          const char d = text[i];
          if (d == '{') {
            adv();
            scan_tokens(true);
            continue;
          }
          if (d == '}') --depth;
          adv();
        }
        continue;
      }
      if (c == q) {
        if (!triple) {
          adv();
          return;
        }
        if (at(i + 1) == q && at(i + 2) == q) {
          adv();
          adv();
          adv();
          return;
        }
      }
      if (c == '\n' && !triple) return;
      adv();
    }
    (void)outer_quote;
  };

  // Tokens until the end of the text, or (in a replacement field) until the
  // field's expression ends at a ':', '!' or '}' outside brackets.
  scan_tokens = [&](bool in_field) {
    int depth = 0;
    while (i < n) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (in_field && depth == 0) {
        if (c == '}' || c == ':') return;
        if (c == '!' && at(i + 1) != '=') return;
        if (c == '=' && at(i + 1) != '=' && (i == 0 || !std::strchr("=!<>", text[i - 1]))) {
          // `{x=}`: the expression ends before the '='.
          return;
        }
      }
      if (c == '#') {
        while (i < n && text[i] != '\n') adv();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '\\') {
        adv();
        continue;
      }
      const std::size_t index = tokens_.size();
      tokens_.push_back(Token{line, col, 0, 0, 'o', {}, 0});
      char kind = 'o';
      std::string op;
      if (ident_start(c)) {
        const std::size_t start = i;
        while (i < n && ident_char(static_cast<unsigned char>(text[i]))) adv();
        const std::string_view word = text.substr(start, i - start);
        if ((at(i) == '\'' || at(i) == '"') && string_prefix(word)) {
          scan_string(word.find_first_of("fF") != std::string_view::npos, 0);
          kind = 's';
        } else {
          kind = 'n';
        }
      } else if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(at(i + 1))))) {
        const bool hex = c == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X');
        while (i < n) {
          const auto d = static_cast<unsigned char>(text[i]);
          if (!hex && (d == 'e' || d == 'E') && (at(i + 1) == '+' || at(i + 1) == '-')) {
            adv();
            adv();
            continue;
          }
          if (!std::isalnum(d) && d != '_' && d != '.') break;
          adv();
        }
        kind = '0';
      } else if (c == '\'' || c == '"') {
        scan_string(false, 0);
        kind = 's';
      } else {
        std::size_t len = 1;
        for (const char* o : ops3)
          if (text.substr(i, 3) == o) len = 3;
        if (len == 1)
          for (const char* o : ops2)
            if (text.substr(i, 2) == o) len = 2;
        op = std::string(text.substr(i, len));
        for (std::size_t k = 0; k < len; ++k) adv();
        if (op == "(" || op == "[" || op == "{") ++depth;
        if (op == ")" || op == "]" || op == "}") --depth;
      }
      Token& t = tokens_[index];
      t.kind = kind;
      t.text = std::move(op);
      t.end_line = line;
      t.end_col = col;
      t.inner = static_cast<int>(tokens_.size() - index - 1);
    }
  };
  scan_tokens(false);
}

int Extents::next(int k) const {
  if (k < 0 || k >= static_cast<int>(tokens_.size())) return static_cast<int>(tokens_.size());
  return k + 1 + tokens_[static_cast<std::size_t>(k)].inner;
}

int Extents::token_at(Loc loc) const {
  auto it = index_.find({loc.line, loc.col - 1});
  return it == index_.end() ? -1 : it->second;
}

bool Extents::is_op(int i, std::string_view text) const {
  return i >= 0 && i < static_cast<int>(tokens_.size()) && tokens_[static_cast<std::size_t>(i)].kind == 'o' &&
         tokens_[static_cast<std::size_t>(i)].text == text;
}

int Extents::matching(int open) const {
  int depth = 0;
  for (int i = open; i < static_cast<int>(tokens_.size()); i = next(i)) {
    const Token& t = tokens_[static_cast<std::size_t>(i)];
    if (t.kind != 'o') continue;
    if (t.text == "(" || t.text == "[" || t.text == "{") ++depth;
    if (t.text == ")" || t.text == "]" || t.text == "}") {
      if (--depth == 0) return i;
    }
  }
  return -1;
}

int Extents::end_with_parens(const Expr& node, const Expr* child) { return end_with_parens(node.loc, child); }

int Extents::end_with_parens(Loc start, const Expr* child) {
  if (!child) return -1;
  const int end = end_token(*child);
  const int s = token_at(start), cs = token_at(child->loc);
  if (end < 0 || s < 0 || cs < 0) return end;
  int open = 0;
  for (int i = s; i < cs; i = next(i)) {
    const Token& t = tokens_[static_cast<std::size_t>(i)];
    if (t.kind != 'o') continue;
    if (t.text == "(" || t.text == "[" || t.text == "{") ++open;
    if (t.text == ")" || t.text == "]" || t.text == "}") open = open > 0 ? open - 1 : 0;
  }
  int e = end;
  while (open > 0 && is_op(next(e), ")")) {
    e = next(e);
    --open;
  }
  return e;
}

int Extents::end_token(const Expr& e) {
  auto cached = end_cache_.find(&e);
  if (cached != end_cache_.end()) return cached->second;
  const int s = token_at(e.loc);
  int r = -1;
  auto bracketed = [&]() -> bool {
    return s >= 0 && (is_op(s, "(") || is_op(s, "[") || is_op(s, "{"));
  };
  if (s >= 0) {
    switch (e.kind) {
      case ExprKind::Name: r = s; break;
      case ExprKind::Constant:
      case ExprKind::JoinedStr: {
        // Adjacent string literals are one constant.
        r = s;
        if (tokens_[static_cast<std::size_t>(s)].kind == 's')
          while (next(r) < static_cast<int>(tokens_.size()) && tokens_[static_cast<std::size_t>(next(r))].kind == 's')
            r = next(r);
        break;
      }
      case ExprKind::Attribute: {
        const int v = end_with_parens(e, static_cast<const Attribute&>(e).value.get());
        if (v >= 0 && is_op(next(v), ".")) r = next(next(v));
        break;
      }
      case ExprKind::Call: {
        const int f = end_with_parens(e, static_cast<const Call&>(e).func.get());
        if (f >= 0 && is_op(next(f), "(")) r = matching(next(f));
        break;
      }
      case ExprKind::Subscript: {
        const int v = end_with_parens(e, static_cast<const Subscript&>(e).value.get());
        if (v >= 0 && is_op(next(v), "[")) r = matching(next(v));
        break;
      }
      case ExprKind::BinOp: r = end_with_parens(e, static_cast<const BinOpExpr&>(e).right.get()); break;
      case ExprKind::BoolOp: r = end_with_parens(e, static_cast<const BoolOpExpr&>(e).values.back().get()); break;
      case ExprKind::Compare: r = end_with_parens(e, static_cast<const Compare&>(e).comparators.back().get()); break;
      case ExprKind::UnaryOp: r = end_with_parens(e, static_cast<const UnaryOpExpr&>(e).operand.get()); break;
      case ExprKind::Await: r = end_with_parens(e, static_cast<const Await&>(e).value.get()); break;
      case ExprKind::Yield: {
        const auto& y = static_cast<const Yield&>(e);
        r = y.value ? end_with_parens(e, y.value.get()) : token_at(e.loc);
        break;
      }
      case ExprKind::IfExp: r = end_with_parens(e, static_cast<const IfExp&>(e).orelse.get()); break;
      case ExprKind::Lambda: r = end_with_parens(e, static_cast<const Lambda&>(e).body.get()); break;
      case ExprKind::NamedExpr: r = end_with_parens(e, static_cast<const NamedExpr&>(e).value.get()); break;
      case ExprKind::Starred: r = end_with_parens(e, static_cast<const Starred&>(e).value.get()); break;
      case ExprKind::Slice: {
        const auto& sl = static_cast<const Slice&>(e);
        const Expr* last = sl.step ? sl.step.get() : sl.upper ? sl.upper.get() : sl.lower.get();
        r = last ? end_with_parens(e, last) : s;
        break;
      }
      case ExprKind::List:
      case ExprKind::Set:
      case ExprKind::Dict:
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
        if (bracketed()) r = matching(s);
        break;
      case ExprKind::Tuple: {
        const auto& t = static_cast<const TupleExpr&>(e);
        if (is_op(s, "(")) {
          r = matching(s);
        } else if (!t.elts.empty()) {
          r = end_with_parens(e, t.elts.back().get());
        }
        break;
      }
      case ExprKind::GeneratorExp: {
        const auto& g = static_cast<const GeneratorExp&>(e);
        if (is_op(s, "(")) {
          r = matching(s);
        } else {
          const auto& last = g.generators.back();
          r = end_with_parens(e, last.ifs.empty() ? last.iter.get() : last.ifs.back().get());
        }
        break;
      }
      case ExprKind::FormattedValue: break;
    }
  }
  end_cache_[&e] = r;
  return r;
}

// The character column of byte column `byte_col` of line `line`.
int Extents::char_col(int line, int byte_col) const {
  if (!source_) return byte_col;
  const std::string_view text = source_->line(line);
  int col = 0;
  for (int b = 0; b < byte_col && static_cast<std::size_t>(b) < text.size(); ++b)
    if ((static_cast<unsigned char>(text[static_cast<std::size_t>(b)]) & 0xc0) != 0x80) ++col;
  if (static_cast<std::size_t>(byte_col) > text.size()) col += byte_col - static_cast<int>(text.size());
  return col;
}

// extract_anchors_from_expr (Python/traceback.c, 3.12), on byte columns;
// `p` still holds byte columns here.
void Extents::anchors(const Expr& e, Position& p) {
  if (!source_) return;
  if (p.end_line != p.line) {
    multiline_anchors(e, p);
    return;
  }
  const std::string_view line = source_->line(p.line);
  auto ch = [&](int b) -> char { return b >= 0 && static_cast<std::size_t>(b) < line.size() ? line[static_cast<std::size_t>(b)] : '\0'; };
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; };
  const int start = p.col, seg_len = p.end_col - p.col;
  if (e.kind == ExprKind::BinOp) {
    const auto& b = static_cast<const BinOpExpr&>(e);
    const int le = end_token(*b.left);
    if (le < 0 || b.right->loc.line != p.line || tokens_[static_cast<std::size_t>(le)].end_line != p.line) return;
    const int left_end = tokens_[static_cast<std::size_t>(le)].end_col - start;
    const int right_start = b.right->loc.col - 1 - start;
    for (int i = left_end; i < right_start; ++i) {
      if (ws(ch(start + i))) continue;
      p.anchor_left = i;
      p.anchor_right = i + 1;
      if (i + 1 < right_start && !ws(ch(start + i + 1))) ++p.anchor_right;
      if (i + 1 < right_start && ch(start + i) == ')') continue;
      break;
    }
    return;
  }
  if (e.kind == ExprKind::Subscript) {
    const auto& s = static_cast<const Subscript&>(e);
    const int ve = end_token(*s.value), se = end_token(*s.slice);
    if (ve < 0 || se < 0) return;
    const Token& vt = tokens_[static_cast<std::size_t>(ve)];
    const Token& st = tokens_[static_cast<std::size_t>(se)];
    if (vt.end_line != p.line || st.end_line != p.line) return;
    int left = vt.end_col - start, right = st.end_col + 1 - start;
    while (left < seg_len && (ws(ch(start + left)) || ch(start + left) != '[')) ++left;
    while (right < seg_len && (ws(ch(start + right)) || ch(start + right) != ']')) ++right;
    if (right < seg_len) ++right;
    p.anchor_left = left;
    p.anchor_right = right;
    return;
  }
  if (e.kind == ExprKind::Call) {
    // 3.13's _extract_caret_anchors_from_line_segment: from the `(` after
    // the callee to the end of the call.
    const int fe = end_token(*static_cast<const Call&>(e).func);
    if (fe < 0 || tokens_[static_cast<std::size_t>(fe)].end_line != p.line) return;
    int left = tokens_[static_cast<std::size_t>(fe)].end_col - start;
    while (left < seg_len && ch(start + left) != '(') ++left;
    if (left >= seg_len) return;
    p.anchor_left = left;
    p.anchor_right = seg_len;
    p.call_anchors = true;
  }
}

// _extract_caret_anchors_from_line_segment (traceback.py, 3.13) on the
// expression's lines, rstripped as linecache's lines are and the last one cut
// at the expression's end; byte columns until the offsets are made.
void Extents::multiline_anchors(const Expr& e, Position& p) {
  struct At {
    int line, col;
  };
  auto text = [&](int l) {
    std::string_view t = source_->line(l);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\f' || t.back() == '\r')) t.remove_suffix(1);
    return l == p.end_line ? t.substr(0, std::min<std::size_t>(t.size(), static_cast<std::size_t>(p.end_col))) : t;
  };
  auto size = [&](int l) { return static_cast<int>(text(l).size()); };
  // next_valid_char: past the end of a line, the next line's start.
  auto valid = [&](At a) -> std::optional<At> {
    while (a.line <= p.end_line && a.col >= size(a.line)) {
      a.col = 0;
      ++a.line;
    }
    if (a.line > p.end_line) return std::nullopt;
    return a;
  };
  // increment_until: the next character `stop` accepts, a backslash or `#`
  // skipping the rest of its line.
  auto until = [&](std::optional<At> a, auto stop) -> std::optional<At> {
    while (a) {
      const char c = text(a->line)[static_cast<std::size_t>(a->col)];
      if (c == '\\' || c == '#') a = valid({a->line + 1, 0});
      else if (!stop(c)) a = valid({a->line, a->col + 1});
      else break;
    }
    return a;
  };
  auto end_of = [&](const Expr& x) -> std::optional<At> {
    const int t = end_token(x);
    if (t < 0) return std::nullopt;
    return valid({tokens_[static_cast<std::size_t>(t)].end_line, tokens_[static_cast<std::size_t>(t)].end_col});
  };
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n'; };
  std::optional<At> left, right;
  if (e.kind == ExprKind::BinOp) {
    const auto& b = static_cast<const BinOpExpr&>(e);
    left = until(end_of(*b.left), [&](char c) { return !space(c) && c != ')'; });
    if (!left) return;
    // The operator is one or two characters, on one line, before the right operand.
    int right_col = left->col + 1;
    const std::string_view line = text(left->line);
    if (right_col < size(left->line) &&
        (b.right->loc.line > left->line || right_col < b.right->loc.col - 1) &&
        !space(line[static_cast<std::size_t>(right_col)]) && line[static_cast<std::size_t>(right_col)] != '\\' &&
        line[static_cast<std::size_t>(right_col)] != '#')
      ++right_col;
    right = At{left->line, right_col};
  } else if (e.kind == ExprKind::Subscript) {
    left = until(end_of(*static_cast<const Subscript&>(e).value), [](char c) { return c == '['; });
    right = At{p.end_line, p.end_col};
  } else if (e.kind == ExprKind::Call) {
    left = until(end_of(*static_cast<const Call&>(e).func), [](char c) { return c == '('; });
    right = At{p.end_line, p.end_col};
    p.call_anchors = true;
  }
  if (!left || !right) return;
  auto offset = [&](At a) {
    const int start = char_col(p.line, p.col);
    if (a.line == p.line) return char_col(a.line, a.col) - start;
    int off = char_col(p.line, size(p.line)) - start + 1;
    for (int l = p.line + 1; l < a.line; ++l) off += char_col(l, size(l)) + 1;
    return off + char_col(a.line, a.col);
  };
  p.anchor_left = offset(*left);
  p.anchor_right = offset(*right);
}

void Extents::note_call_statement(const Stmt& s) {
  auto is_name = [](const Expr& e) { return e.kind == ExprKind::Name; };
  if (s.kind == StmtKind::Return) {
    const auto* value = static_cast<const Return&>(s).value.get();
    if (value && value->kind == ExprKind::Call && is_name(*static_cast<const Call&>(*value).func))
      call_statements_.insert(value);
  } else if (s.kind == StmtKind::Assign) {
    const auto& a = static_cast<const Assign&>(s);
    if (a.targets.size() == 1 && is_name(*a.targets[0]) && a.value->kind == ExprKind::Call)
      call_statements_.insert(a.value.get());
  }
}

// Byte columns to the character columns tracebacks count in.
Position Extents::to_chars(Position p) const {
  const int start_byte = p.col;
  p.col = char_col(p.line, start_byte);
  if (p.anchor_left >= 0 && p.end_line == p.line) {
    p.anchor_left = char_col(p.line, start_byte + p.anchor_left) - p.col;
    p.anchor_right = char_col(p.line, start_byte + p.anchor_right) - p.col;
  }
  if (p.end_line > 0) p.end_col = char_col(p.end_line, p.end_col);
  return p;
}

Position Extents::of(const Expr& e) {
  Position p;
  p.line = e.loc.line;
  p.col = e.loc.col - 1;
  const int t = end_token(e);
  if (t >= 0) {
    p.end_line = tokens_[static_cast<std::size_t>(t)].end_line;
    p.end_col = tokens_[static_cast<std::size_t>(t)].end_col;
    if (e.kind == ExprKind::BinOp || e.kind == ExprKind::Subscript || e.kind == ExprKind::Call) anchors(e, p);
    p.call_statement = call_statements_.count(&e);
  }
  return to_chars(p);
}

Position Extents::of(const Stmt& s) {
  note_call_statement(s);
  Position p;
  p.line = s.loc.line;
  p.col = s.loc.col - 1;
  const Expr* last = nullptr;
  bool simple = true;
  switch (s.kind) {
    case StmtKind::Return: last = static_cast<const Return&>(s).value.get(); break;
    case StmtKind::Raise: {
      const auto& r = static_cast<const Raise&>(s);
      last = r.cause ? r.cause.get() : r.exc.get();
      break;
    }
    case StmtKind::Expr: last = static_cast<const ExprStmt&>(s).value.get(); break;
    case StmtKind::Assign: last = static_cast<const Assign&>(s).value.get(); break;
    case StmtKind::AugAssign: last = static_cast<const AugAssign&>(s).value.get(); break;
    case StmtKind::AnnAssign: last = static_cast<const AnnAssign&>(s).value.get(); break;
    case StmtKind::Assert: {
      const auto& a = static_cast<const Assert&>(s);
      last = a.msg ? a.msg.get() : a.test.get();
      break;
    }
    case StmtKind::Delete: {
      const auto& d = static_cast<const Delete&>(s);
      if (!d.targets.empty()) last = d.targets.back().get();
      break;
    }
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
    case StmtKind::Global:
    case StmtKind::Nonlocal: return to_chars(p);
    default: simple = false; break;
  }
  if (!simple) {
    // A compound statement spans lines: the traceback marks its first line
    // to the end.
    p.end_line = p.line + 1;
    p.end_col = 0;
    return to_chars(p);
  }
  // The statement ends past the `)` of parentheses around its last expression.
  int t = last ? end_with_parens(s.loc, last) : token_at(s.loc);
  if (t >= 0) {
    p.end_line = tokens_[static_cast<std::size_t>(t)].end_line;
    p.end_col = tokens_[static_cast<std::size_t>(t)].end_col;
  }
  return to_chars(p);
}

}  // namespace asim::lang
