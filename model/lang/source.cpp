#include "model/lang/source.hpp"

#include <fmt/format.h>

namespace asim::lang {

Source::Source(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
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
  auto l = lines_[static_cast<std::size_t>(n - 1)];
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

Diagnostic::Diagnostic(Kind kind, std::shared_ptr<const Source> source, Loc loc, std::string message)
    : std::runtime_error(message), kind_(kind), source_(std::move(source)), loc_(loc), message_(std::move(message)) {}

std::string Diagnostic::render() const {
  const std::string_view label = kind_ == Kind::SyntaxError        ? "SyntaxError"
                                 : kind_ == Kind::IndentationError ? "IndentationError"
                                                                   : "not supported by asim";
  std::string out = fmt::format("{}:{}:{}: {}: {}\n", source_ ? source_->path() : "<string>", loc_.line, loc_.col,
                                label, message_);
  if (source_) {
    const auto text = source_->line(loc_.line);
    out += fmt::format("    {}\n    {}^\n", text, std::string(loc_.col > 1 ? static_cast<std::size_t>(loc_.col - 1) : 0, ' '));
  }
  if (kind_ == Kind::Unsupported)
    out += "asim runs a documented subset of Python (docs/language.md); rewrite this part with the constructs listed "
           "there.\n";
  return out;
}

}  // namespace asim::lang
