// sys.stdin, sys.stdout and sys.stderr: text streams whose write() hands the
// text to the run's output (a trace, a buffer, the terminal) and whose
// readline() takes the run's input line by line.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/runtime/iterator.hpp"
#include "model/runtime/value.hpp"

namespace asim::runtime {

// Iterating a readable one gives its lines (TextIOWrapper.__next__).
class TextStream : public Object, public Iterator {
 public:
  using Sink = std::function<void(std::string_view)>;
  using Flush = std::function<void()>;
  // The next line with its "\n" (the last one may lack it), nullopt at the end.
  using ReadLine = std::function<std::optional<std::string>()>;
  // What a stream cannot do (reading stdout, writing stdin): CPython's
  // io.UnsupportedOperation, which asim leaves to its caller to refuse.
  using Unsupported = std::function<void(std::string_view what)>;
  TextStream(std::string name, Sink sink, Flush flush = {})
      : name(std::move(name)), sink_(std::move(sink)), flush_(std::move(flush)) {}
  TextStream(std::string name, ReadLine read_line)
      : name(std::move(name)), read_line_(std::move(read_line)) {}
  std::string_view type_name() const override { return "TextIOWrapper"; }
  // <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>
  std::string repr() const override;
  bool readable() const { return static_cast<bool>(read_line_); }
  void write(std::string_view text) const {
    if (sink_) sink_(text);
  }
  void flush() const {
    if (flush_) flush_();
  }
  // TextIOWrapper.readline(size): up to `size` characters (all when
  // negative) of the next line; "" at the end.
  std::string readline(std::int64_t size = -1);
  std::string read(std::int64_t size = -1);
  std::optional<Value> next() override;
  void set_unsupported(Unsupported unsupported) { unsupported_ = std::move(unsupported); }
  [[noreturn]] void unsupported(std::string_view what) const;

  const std::string name;

 private:
  Sink sink_;
  Flush flush_;
  ReadLine read_line_;
  Unsupported unsupported_;
  std::string pending_;  // what a readline(size) left of its line
  bool at_end_ = false;
};

}  // namespace asim::runtime
