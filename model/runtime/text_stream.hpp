// sys.stdout and sys.stderr: text streams whose write() hands the text to
// the run's output (a trace, a buffer, the terminal).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/runtime/value.hpp"

namespace asim::runtime {

class TextStream : public Object {
 public:
  using Sink = std::function<void(std::string_view)>;
  using Flush = std::function<void()>;
  TextStream(std::string name, Sink sink, Flush flush = {})
      : name(std::move(name)), sink_(std::move(sink)), flush_(std::move(flush)) {}
  std::string_view type_name() const override { return "TextIOWrapper"; }
  // <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>
  std::string repr() const override;
  void write(std::string_view text) const {
    if (sink_) sink_(text);
  }
  void flush() const {
    if (flush_) flush_();
  }

  const std::string name;

 private:
  Sink sink_;
  Flush flush_;
};

}  // namespace asim::runtime
