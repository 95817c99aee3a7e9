#include "model/runtime/text_stream.hpp"

#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

std::string TextStream::repr() const {
  return fmt::format("<_io.TextIOWrapper name='{}' mode='w' encoding='utf-8'>", name);
}

void install_stream_type(BuiltinTypes& t) {
  const auto& T = t.TextIOWrapper;
  def(T, "write", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("write", kw);
    auto& s = self_as<TextStream>(a, *T, "write");
    args::exactly("write", a.subspan(1), 1);
    auto* text = a[1].as<Str>();
    if (!text) throw_type_error(fmt::format("write() argument must be str, not {}", type_name(a[1])));
    s.write(text->text);
    return Value::integer(text::length(text->text));
  });
  def(T, "flush", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("flush", kw);
    self_as<TextStream>(a, *T, "flush").flush();
    return Value::none();
  });
  T->add_getter("name", [](const Value& self) { return Value::str(self.as<TextStream>()->name); });
}

}  // namespace asim::runtime
