// The `random` module: CPython's Mersenne Twister (Modules/_randommodule.c)
// and the random.py algorithms on top of it, so that a seeded program draws
// the same numbers as CPython. Unseeded, the module's generator starts from
// seed 0 here and in the conformance harness (CPython would seed it from the
// OS), so that programs which sleep random amounts are reproducible.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/modules/sha512.hpp"
#include "model/runtime/bytes.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::builtins;
using runtime::Ref;
using runtime::Value;

namespace {

// _randommodule.c: MT19937 with init_by_array seeding.
class MersenneTwister {
 public:
  // random_seed for an int: its absolute value as 32-bit words, low first
  // (at least one word).
  void seed(std::vector<std::uint32_t> key) {
    while (key.size() > 1 && key.back() == 0) key.pop_back();
    if (key.empty()) key.push_back(0);
    init_by_array(key);
  }

  // genrand_uint32
  std::uint32_t next() {
    if (index_ >= kN) twist();
    std::uint32_t y = state_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
  }

  // random_random: 53 random bits.
  double random() {
    const std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  // random_getrandbits, for 0 < k <= 64: 32-bit words, the first the lowest.
  std::uint64_t getrandbits(int k) {
    if (k <= 32) return next() >> (32 - k);
    const std::uint64_t low = next();
    return low | (static_cast<std::uint64_t>(next() >> (64 - k)) << 32);
  }

 private:
  static constexpr int kN = 624, kM = 397;

  void init_genrand(std::uint32_t s) {
    state_[0] = s;
    for (int i = 1; i < kN; ++i)
      state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    index_ = kN;
  }

  void init_by_array(const std::vector<std::uint32_t>& key) {
    init_genrand(19650218U);
    int i = 1;
    std::size_t j = 0;
    for (std::size_t k = std::max<std::size_t>(kN, key.size()); k; --k) {
      state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525U)) + key[j] +
                  static_cast<std::uint32_t>(j);
      ++i;
      ++j;
      if (i >= kN) {
        state_[0] = state_[kN - 1];
        i = 1;
      }
      if (j >= key.size()) j = 0;
    }
    for (int k = kN - 1; k; --k) {
      state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
      if (++i >= kN) {
        state_[0] = state_[kN - 1];
        i = 1;
      }
    }
    state_[0] = 0x80000000U;
  }

  void twist() {
    constexpr std::uint32_t kMatrixA = 0x9908b0dfU, kUpper = 0x80000000U, kLower = 0x7fffffffU;
    for (int k = 0; k < kN; ++k) {
      const std::uint32_t y = (state_[k] & kUpper) | (state_[(k + 1) % kN] & kLower);
      state_[k] = state_[(k + kM) % kN] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    index_ = 0;
  }

  // On the heap: a model object is at most 1 KiB (runtime/pool).
  std::vector<std::uint32_t> state_ = std::vector<std::uint32_t>(kN);
  int index_ = kN;
};

std::int64_t int_arg(const Value& given) {
  const Value& v = runtime::plain_number(given);
  if (v.kind() == Value::Kind::Int) return v.as_int();
  if (v.kind() == Value::Kind::Bool) return v.as_bool() ? 1 : 0;
  runtime::raise(builtins().TypeError,
                 fmt::format("'{}' object cannot be interpreted as an integer", runtime::type_name(given)));
}

double float_arg(const Value& given) {
  const Value& v = runtime::plain_number(given);
  if (v.kind() == Value::Kind::Float) return v.as_float();
  return static_cast<double>(int_arg(v));
}

// random.Random: the generator and random.py's methods, in random.py's order.
class RandomObject : public runtime::Object {
 public:
  RandomObject(const Value& seed_value, bool choice_indexes_empty) : choice_indexes_empty_(choice_indexes_empty) {
    seed(seed_value);
  }
  std::string_view type_name() const override { return "Random"; }
  std::string repr() const override { return "<random.Random object at " + address_text() + ">"; }

  // Random.seed: an int is its absolute value, a float its hash
  // (random_seed), a str (UTF-8) or bytes is the big-endian number its
  // bytes make followed by their SHA-512 (random.py's version 2). Without
  // a value CPython reads the OS, which no run can reproduce: the first
  // number drawn before another seed stops the run.
  void seed(const Value& a) {
    from_os_ = a.is_none();
    gauss_next_.reset();
    if (from_os_) return;
    const Value& v = runtime::plain_number(a);
    if (v.kind() == Value::Kind::Float) {
      seed_int(runtime::py_hash(v));
    } else if (auto* s = v.as<runtime::Str>()) {
      seed_bytes(s->text);
    } else if (auto* b = v.as<runtime::Bytes>()) {
      seed_bytes(b->data);
    } else if (auto* big = runtime::num::as_big(v)) {
      // |v| in hexadecimal, eight digits a word from the lowest.
      std::string hex = big->to_string(16);
      if (hex.starts_with('-')) hex.erase(0, 1);
      std::vector<std::uint32_t> key;
      for (std::size_t end = hex.size(); end > 0; end = end > 8 ? end - 8 : 0) {
        const std::size_t start = end > 8 ? end - 8 : 0;
        key.push_back(static_cast<std::uint32_t>(std::stoul(hex.substr(start, end - start), nullptr, 16)));
      }
      mt_.seed(std::move(key));
    } else {
      seed_int(int_arg(a));
    }
  }

  void seed_int(std::int64_t n) {
    const std::uint64_t m = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    mt_.seed({static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(m >> 32)});
  }

  void seed_bytes(std::string_view bytes) {
    std::string all(bytes);
    const auto digest = sha512(bytes);
    all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    std::vector<std::uint32_t> key;
    for (std::size_t end = all.size(); end > 0; end = end > 4 ? end - 4 : 0) {
      std::uint32_t word = 0;
      for (std::size_t i = end > 4 ? end - 4 : 0; i < end; ++i) word = (word << 8) | static_cast<std::uint8_t>(all[i]);
      key.push_back(word);
    }
    mt_.seed(std::move(key));
  }

  double random() { return mt().random(); }

  // Random.normalvariate: Kinderman and Monahan's ratio method.
  double normalvariate(double mu, double sigma) {
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
    for (;;) {
      const double u1 = random(), u2 = 1.0 - random();
      const double z = magic * (u1 - 0.5) / u2;
      if (z * z / 4.0 <= -std::log(u2)) return mu + z * sigma;
    }
  }

  // Random.gauss: Box-Muller in pairs, the second kept for the next call
  // (and dropped by seed()).
  double gauss(double mu, double sigma) {
    std::optional<double> z = std::exchange(gauss_next_, std::nullopt);
    if (!z) {
      const double x2pi = random() * 2 * M_PI;
      const double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
      z = std::cos(x2pi) * g2rad;
      gauss_next_ = std::sin(x2pi) * g2rad;
    }
    return mu + *z * sigma;
  }

  // Random.triangular: the inverse of the distribution's CDF; with a mode
  // and a zero-width interval, low itself (the ZeroDivisionError caught).
  Value triangular(const Value& low_value, const Value& high_value, const Value& mode) {
    double u = random();
    double low = float_arg(low_value), high = float_arg(high_value);
    if (!mode.is_none() && high == low) return low_value;
    double c = mode.is_none() ? 0.5 : (float_arg(mode) - low) / (high - low);
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      std::swap(low, high);
    }
    return Value::floating(low + (high - low) * std::sqrt(u * c));
  }

  // For k < 64 (what randbelow needs of 64-bit bounds).
  std::int64_t getrandbits(std::int64_t k) {
    if (k < 0) runtime::raise(builtins().ValueError, "number of bits must be non-negative");
    if (k == 0) return 0;
    return static_cast<std::int64_t>(mt().getrandbits(static_cast<int>(k)));
  }

  // random_getrandbits for any k: 32-bit words, the first the lowest, the
  // last keeping its top bits.
  Value getrandbits_int(std::int64_t k) {
    if (k < 64) return Value::integer(getrandbits(k));
    runtime::BigInt r;
    for (std::uint64_t shift = 0; k > 0; k -= 32, shift += 32)
      r = r | runtime::BigInt(static_cast<std::int64_t>(mt().getrandbits(k < 32 ? static_cast<int>(k) : 32))).shifted_left(shift);
    return runtime::num::from_big(std::move(r));
  }

  // Random._randbelow_with_getrandbits
  std::int64_t randbelow(std::int64_t n) {
    if (n == 0) return 0;
    const int k = std::bit_width(static_cast<std::uint64_t>(n));
    std::int64_t r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
  }

  std::int64_t randrange(const Value& start, const Value& stop, const Value& step) {
    const std::int64_t istart = int_arg(start);
    if (stop.is_none()) {
      if (istart > 0) return randbelow(istart);
      runtime::raise(builtins().ValueError, "empty range for randrange()");
    }
    const std::int64_t istop = int_arg(stop), istep = int_arg(step);
    const std::int64_t width = istop - istart;
    if (istep == 1) {
      if (width > 0) return istart + randbelow(width);
      runtime::raise(builtins().ValueError, fmt::format("empty range in randrange({}, {})", istart, istop));
    }
    std::int64_t n = 0;
    if (istep > 0) n = (width + istep - 1) / istep;
    else if (istep < 0) n = (width + istep + 1) / istep;
    else runtime::raise(builtins().ValueError, "zero step for randrange()");
    if (n <= 0)
      runtime::raise(builtins().ValueError, fmt::format("empty range in randrange({}, {}, {})", istart, istop, istep));
    return istart + istep * randbelow(n);
  }

  Value choice(const Value& seq) {
    const std::int64_t n = runtime::len(seq);
    if (n == 0 && !choice_indexes_empty_) runtime::raise(builtins().IndexError, "Cannot choose from an empty sequence");
    return runtime::getitem(seq, Value::integer(randbelow(n)));
  }

  void shuffle(const Value& x) {
    for (std::int64_t i = runtime::len(x) - 1; i > 0; --i) {
      const Value j = Value::integer(randbelow(i + 1));
      const Value vi = runtime::getitem(x, Value::integer(i)), vj = runtime::getitem(x, j);
      runtime::setitem(x, Value::integer(i), vj);
      runtime::setitem(x, j, vi);
    }
  }

  // Random.sample: a pool for small populations, else rejection of repeats.
  Value sample(const Value& population, std::int64_t k) {
    const std::int64_t n = runtime::len(population);
    if (k < 0 || k > n) runtime::raise(builtins().ValueError, "Sample larger than population or is negative");
    std::vector<Value> result;
    std::int64_t setsize = 21;
    if (k > 5) setsize += static_cast<std::int64_t>(std::pow(4.0, std::ceil(std::log(k * 3.0) / std::log(4.0))));
    if (n <= setsize) {
      std::vector<Value> pool = runtime::to_vector(population);
      for (std::int64_t i = 0; i < k; ++i) {
        const std::int64_t j = randbelow(n - i);
        result.push_back(pool[static_cast<std::size_t>(j)]);
        pool[static_cast<std::size_t>(j)] = pool[static_cast<std::size_t>(n - i - 1)];
      }
    } else {
      std::vector<bool> selected(static_cast<std::size_t>(n));
      for (std::int64_t i = 0; i < k; ++i) {
        std::int64_t j = randbelow(n);
        while (selected[static_cast<std::size_t>(j)]) j = randbelow(n);
        selected[static_cast<std::size_t>(j)] = true;
        result.push_back(runtime::getitem(population, Value::integer(j)));
      }
    }
    return runtime::make_list(std::move(result));
  }

  // Random.choices: floor(random() * n), or a bisection of the cumulative
  // weights (given, or summed from the weights). The population is indexed
  // as CPython does, so an empty one is its own IndexError.
  Value choices(const Value& population, const Value& weights, const Value& cum_weights, std::int64_t k,
                bool total_checked) {
    const double n = static_cast<double>(runtime::len(population));
    std::vector<Value> out;
    auto pick = [&](std::int64_t i) { out.push_back(runtime::getitem(population, Value::integer(i))); };
    if (weights.is_none() && cum_weights.is_none()) {
      for (std::int64_t i = 0; i < k; ++i) pick(static_cast<std::int64_t>(std::floor(random() * n)));
      return runtime::make_list(std::move(out));
    }
    if (!weights.is_none() && !cum_weights.is_none())
      runtime::raise(builtins().TypeError, "Cannot specify both weights and cumulative weights");
    std::vector<double> cum;
    double total = 0;
    if (cum_weights.is_none())
      for (const auto& w : runtime::to_vector(weights)) cum.push_back(total += float_arg(w));
    else
      for (const auto& w : runtime::to_vector(cum_weights)) cum.push_back(float_arg(w));
    if (static_cast<double>(cum.size()) != n)
      runtime::raise(builtins().ValueError, "The number of weights does not match the population");
    total = cum.empty() ? 0 : cum.back();
    if (total_checked && total <= 0) runtime::raise(builtins().ValueError, "Total of weights must be greater than zero");
    for (std::int64_t i = 0; i < k; ++i) {
      const double x = random() * total;
      pick(cum.empty() ? 0 : std::upper_bound(cum.begin(), cum.end() - 1, x) - cum.begin());
    }
    return runtime::make_list(std::move(out));
  }

 private:
  MersenneTwister& mt() {
    if (from_os_) not_modelled("random numbers without a seed", "CPython seeds from the OS");
    return mt_;
  }

  MersenneTwister mt_;
  bool from_os_ = false;
  std::optional<double> gauss_next_;
  bool choice_indexes_empty_;  // VersionProfile::random_choice_indexes_empty
};

// The methods, as bound methods of a Random or as the module's functions of
// its hidden instance.
void add_methods(const asyncio::VersionProfile& profile, std::function<void(std::string, std::vector<Param>, std::function<Value(RandomObject&, const Bound&)>)> add) {
  add("seed", {opt("a")}, [](RandomObject& r, const Bound& b) {
    r.seed(b[0]);
    return Value::none();
  });
  add("random", {}, [](RandomObject& r, const Bound&) { return Value::floating(r.random()); });
  add("getrandbits", {pos("k")}, [](RandomObject& r, const Bound& b) { return r.getrandbits_int(int_arg(b[0])); });
  add("randrange", {pos("start"), opt("stop"), opt("step", Value::integer(1))},
      [](RandomObject& r, const Bound& b) { return Value::integer(r.randrange(b[0], b[1], b[2])); });
  add("randint", {pos("a"), pos("b")}, [](RandomObject& r, const Bound& b) {
    return Value::integer(r.randrange(b[0], Value::integer(int_arg(b[1]) + 1), Value::integer(1)));
  });
  add("choice", {pos("seq")}, [](RandomObject& r, const Bound& b) { return r.choice(b[0]); });
  add("shuffle", {pos("x")}, [](RandomObject& r, const Bound& b) {
    r.shuffle(b[0]);
    return Value::none();
  });
  add("sample", {pos("population"), pos("k")},
      [](RandomObject& r, const Bound& b) { return r.sample(b[0], int_arg(b[1])); });
  add("choices", {pos("population"), opt("weights"), kwonly("cum_weights"), kwonly("k", Value::integer(1))},
      [checked = profile.random_choices_total_checked](RandomObject& r, const Bound& b) {
        return r.choices(b[0], b[1], b[2], int_arg(b[3]), checked);
      });
  add("uniform", {pos("a"), pos("b")}, [](RandomObject& r, const Bound& b) {
    const double a = float_arg(b[0]), hi = float_arg(b[1]);
    return Value::floating(a + (hi - a) * r.random());
  });
  add("triangular", {opt("low", Value::floating(0.0)), opt("high", Value::floating(1.0)), opt("mode")},
      [](RandomObject& r, const Bound& b) { return r.triangular(b[0], b[1], b[2]); });
  const std::vector<Param> normal = profile.random_normal_defaults
                                        ? std::vector<Param>{opt("mu", Value::floating(0.0)), opt("sigma", Value::floating(1.0))}
                                        : std::vector<Param>{pos("mu"), pos("sigma")};
  add("normalvariate", normal, [](RandomObject& r, const Bound& b) {
    return Value::floating(r.normalvariate(float_arg(b[0]), float_arg(b[1])));
  });
  add("lognormvariate", {pos("mu"), pos("sigma")}, [](RandomObject& r, const Bound& b) {
    return Value::floating(std::exp(r.normalvariate(float_arg(b[0]), float_arg(b[1]))));
  });
  add("gauss", normal, [](RandomObject& r, const Bound& b) {
    return Value::floating(r.gauss(float_arg(b[0]), float_arg(b[1])));
  });
  add("expovariate", {opt("lambd", Value::floating(1.0))}, [](RandomObject& r, const Bound& b) {
    return Value::floating(-std::log(1.0 - r.random()) / float_arg(b[0]));
  });
}

}  // namespace

runtime::Ref<runtime::Module> make_random_module(Session& session) {
  const bool indexes_empty = session.profile().random_choice_indexes_empty;
  auto m = runtime::make<runtime::Module>("random");
  const auto object_type = runtime::type_of(Value(runtime::make<runtime::List>())).get()->base;
  auto type = runtime::make<runtime::Type>("random", "Random", object_type);
  runtime::register_type(typeid(RandomObject), type);
  type->constructor = [indexes_empty](const Ref<runtime::Type>&, std::span<const Value> args,
                                      std::span<const runtime::Keyword>) {
    return Value(runtime::make<RandomObject>(args.empty() ? Value() : args[0], indexes_empty));
  };
  // random._inst, which the module's functions are bound to.
  auto hidden = runtime::make<RandomObject>(Value::integer(0), indexes_empty);
  m->dict["_inst"] = Value(hidden);
  add_methods(session.profile(), [&](std::string name, std::vector<Param> params, std::function<Value(RandomObject&, const Bound&)> body) {
    std::vector<Param> with_self = params;
    with_self.insert(with_self.begin(), pos("self"));
    type->add_method(name, function("Random." + name, std::move(with_self), [body](const Bound& b) {
                       Bound args{{b.values.begin() + 1, b.values.end()}, b.rest};
                       return body(*b[0].as<RandomObject>(), args);
                     }));
    RandomObject* r = hidden.get();
    // The module's functions are methods of random._inst: 3.10+ name them
    // Random.NAME in argument errors.
    std::string error_name = session.profile().language.qualname_in_call_errors ? "Random." + name : name;
    m->dict[name] = Value(runtime::make<BuiltinFunction>(name, Signature(std::move(error_name), std::move(params)),
                                                         [r, body](const Bound& b) { return body(*r, b); }));
  });
  m->dict["Random"] = Value(type);
  return m;
}

}  // namespace asim::modules
