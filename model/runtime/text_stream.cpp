#include "model/runtime/text_stream.hpp"

#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

std::string TextStream::repr() const {
  return fmt::format("<_io.TextIOWrapper name='{}' mode='{}' encoding='{}'>", name, readable() ? 'r' : 'w',
                     Runtime::current().features.stream_encoding_name);
}

void TextStream::unsupported(std::string_view what) const {
  if (unsupported_) unsupported_(what);
  throw_value_error(fmt::format("{}: {}", name, what));
}

// Lines end at "\n" only: CPython's standard streams are opened with
// newline="\n" on POSIX, so a "\r" stays in the text.
std::string TextStream::readline(std::int64_t size) {
  if (!readable()) unsupported("not readable");
  if (pending_.empty() && !at_end_) {
    if (auto line = read_line_()) pending_ = std::move(*line);
    else at_end_ = true;
  }
  std::size_t take = pending_.size();
  if (size >= 0) {
    // `size` counts characters: whole UTF-8 sequences.
    std::size_t chars = 0;
    take = 0;
    while (take < pending_.size() && chars < static_cast<std::size_t>(size)) {
      ++take;
      while (take < pending_.size() && (static_cast<unsigned char>(pending_[take]) & 0xc0) == 0x80) ++take;
      ++chars;
    }
  }
  std::string out = pending_.substr(0, take);
  pending_.erase(0, take);
  return out;
}

std::string TextStream::read(std::int64_t size) {
  std::string out;
  while (size < 0 || static_cast<std::int64_t>(text::length(out)) < size) {
    std::string line = readline(size < 0 ? -1 : size - static_cast<std::int64_t>(text::length(out)));
    if (line.empty()) break;
    out += line;
  }
  return out;
}

std::optional<Value> TextStream::next() {
  std::string line = readline();
  if (line.empty()) return std::nullopt;
  return Value::str(std::move(line));
}

namespace {

// The size argument of read()/readline(): an int, or None for all.
std::int64_t size_argument(std::span<const Value> a) {
  if (a.size() < 2 || a[1].is_none()) return -1;
  if (a[1].kind() != Value::Kind::Int)
    throw_type_error(fmt::format("argument should be integer or None, not '{}'", type_name(a[1])));
  return index_value(a[1]);
}

}  // namespace

void install_stream_type(BuiltinTypes& t) {
  const auto& T = t.TextIOWrapper;
  def(T, "write", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("write", kw);
    auto& s = self_as<TextStream>(a, *T, "write");
    args::exactly("write", a.subspan(1), 1);
    auto* text = a[1].as<Str>();
    if (!text) throw_type_error(fmt::format("write() argument must be str, not {}", type_name(a[1])));
    if (s.readable()) s.unsupported("not writable");
    s.write(text->text);
    return Value::integer(text::length(text->text));
  });
  def(T, "flush", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("flush", kw);
    self_as<TextStream>(a, *T, "flush").flush();
    return Value::none();
  });
  def(T, "readline", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("readline", kw);
    auto& s = self_as<TextStream>(a, *T, "readline");
    args::count("readline", a.subspan(1), 0, 1);
    return Value::str(s.readline(size_argument(a)));
  });
  def(T, "read", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("read", kw);
    auto& s = self_as<TextStream>(a, *T, "read");
    args::count("read", a.subspan(1), 0, 1);
    if (!s.readable()) s.unsupported("not readable");
    return Value::str(s.read(size_argument(a)));
  });
  def(T, "readlines", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("readlines", kw);
    auto& s = self_as<TextStream>(a, *T, "readlines");
    args::count("readlines", a.subspan(1), 0, 0);
    std::vector<Value> lines;
    for (std::string line = s.readline(); !line.empty(); line = s.readline()) lines.push_back(Value::str(std::move(line)));
    return make_list(std::move(lines));
  });
  T->add_getter("name", [](const Value& self) { return Value::str(self.as<TextStream>()->name); });
}

}  // namespace asim::runtime
