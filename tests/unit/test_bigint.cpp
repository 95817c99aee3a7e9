// BigInt's edge cases. Every expected value was printed by CPython 3.12
// (python3 -c "..." with the same expression, run while writing this file).
#include <catch2/catch.hpp>

#include <cmath>

#include "model/runtime/bigint.hpp"

using asim::runtime::BigInt;

namespace {

BigInt big(const char* decimal) {
  const bool negative = decimal[0] == '-';
  BigInt v = *BigInt::from_digits(decimal + (negative ? 1 : 0), 10);
  return negative ? -v : v;
}

std::string str(const BigInt& v) { return v.to_string(10); }

// 2**100 + 12345 and -(3**50)
const char* kA = "1267650600228229401496703217721";
const char* kB = "-717897987691852588770249";

}  // namespace

TEST_CASE("BigInt arithmetic follows Python's floor division", "[bigint]") {
  const BigInt a = big(kA), b = big(kB);
  CHECK(str(a * b) == "-910043815000214977332758536396707290548635468694382529");
  BigInt q, r;
  BigInt::divmod(a, b, q, r);
  CHECK(str(q) == "-1765781");  // a // b
  CHECK(str(r) == "-26376277754554615831748");  // a % b takes b's sign
  BigInt::divmod(-a, BigInt(7), q, r);
  CHECK(str(q) == "-181092942889747057356671888246");
  CHECK(str(r) == "1");
}

TEST_CASE("BigInt bit operations use two's complement on negatives", "[bigint]") {
  const BigInt a = big(kA), b = big(kB);
  CHECK(str((-a).shifted_right(3)) == "-158456325028528675187087902216");
  CHECK(str(-a & BigInt(0xffff)) == "53191");
  CHECK(str(-a | BigInt(5)) == "-1267650600228229401496703217721");
  CHECK(str(a ^ b) == "-1267651318126217093349291971570");
  CHECK(str(~a) == "-1267650600228229401496703217722");
  CHECK(str(BigInt(-1).shifted_right(1000)) == "-1");
  CHECK(str(BigInt(1).shifted_left(65)) == "36893488147419103232");
  CHECK(a.bit_length() == 101);
  CHECK(BigInt(3).pow(40).bit_count() == 28);  // bin(3**40).count('1')
}

TEST_CASE("BigInt hashes modulo 2**61 - 1 as long_hash", "[bigint]") {
  CHECK(BigInt(1).shifted_left(100).hash() == 549755813888);
  CHECK((-BigInt(1).shifted_left(100)).hash() == -549755813888);
  CHECK((BigInt(1).shifted_left(61) - BigInt(1)).hash() == 0);
  CHECK(BigInt(1).shifted_left(61).hash() == 1);
  CHECK((-BigInt(1).shifted_left(61)).hash() == -2);  // -1 is reserved
  CHECK((BigInt(1).shifted_left(64) + BigInt(1)).hash() == 9);
}

TEST_CASE("BigInt converts to double correctly rounded", "[bigint]") {
  CHECK(*(BigInt(1).shifted_left(53) + BigInt(1)).to_double() == 9007199254740992.0);
  CHECK(*(BigInt(1).shifted_left(54) + BigInt(3)).to_double() == 1.8014398509481988e+16);
  CHECK(*(BigInt(1).shifted_left(63) + BigInt(1025)).to_double() == 9.223372036854778e+18);
  // 2**1024 - 2**970 - 1 rounds down to DBL_MAX; 2**1024 - 2**970 overflows.
  const BigInt top = BigInt(1).shifted_left(1024) - BigInt(1).shifted_left(970);
  CHECK(*(top - BigInt(1)).to_double() == 1.7976931348623157e+308);
  CHECK(!top.to_double());
  CHECK(*BigInt::from_double(1e300).to_double() == 1e300);
}

TEST_CASE("BigInt true division rounds as long_true_divide", "[bigint]") {
  const auto div = [](const BigInt& a, const BigInt& b) { return *BigInt::true_divide(a, b); };
  CHECK(div(BigInt(100000000000000001), BigInt(3)) == 3.3333333333333332e+16);
  CHECK(div(BigInt(1).shifted_left(60) + BigInt(1), BigInt(1).shifted_left(60) - BigInt(1)) == 1.0);
  CHECK(div(BigInt(10).pow(400), BigInt(10).pow(399)) == 10.0);
  CHECK(div(BigInt(1), BigInt(10).pow(330)) == 0.0);
  CHECK(div(BigInt(3), BigInt(1).shifted_left(1075)) == 1e-323);
  CHECK(div(BigInt(1), BigInt(1).shifted_left(1075)) == 0.0);  // a tie, to even
  CHECK(div(BigInt(1).shifted_left(1075) + BigInt(1), BigInt(1).shifted_left(2150)) == 5e-324);
  CHECK(div(BigInt(1).shifted_left(1076), BigInt(3).pow(700)) == 8.382952989132532e-11);
  CHECK(div(-BigInt(10).pow(30), BigInt(7)) == -1.4285714285714285e+29);
  CHECK(!BigInt::true_divide(BigInt(10).pow(400), BigInt(1)));
}

TEST_CASE("BigInt compares exactly with doubles", "[bigint]") {
  const BigInt p = BigInt(1).shifted_left(64);
  CHECK(p.compare(18446744073709551616.0) == 0);
  CHECK((p + BigInt(1)).compare(18446744073709551616.0) == 1);
  CHECK((p - BigInt(1)).compare(18446744073709551616.0) == -1);
  CHECK(BigInt(10).pow(400).compare(INFINITY) == -1);
  CHECK(BigInt(10).pow(400).compare(NAN) == 2);
  CHECK(BigInt(-3).compare(-2.5) == -1);
}

TEST_CASE("BigInt powers modulo and inverses", "[bigint]") {
  CHECK(str(BigInt::pow_mod(BigInt(3), BigInt(10).pow(20), BigInt(1000000007))) == "139421235");
  const BigInt m = BigInt(1).shifted_left(64) + BigInt(13);
  CHECK(str(*BigInt::inverse_mod(BigInt(7), m)) == "15811494920322472825");
  CHECK(!BigInt::inverse_mod(BigInt(6), BigInt(9)));
}

TEST_CASE("BigInt reads and writes digits in several bases", "[bigint]") {
  CHECK(BigInt(1).shifted_left(100).to_string(16) == "10000000000000000000000000");
  CHECK((BigInt(1).shifted_left(100) - BigInt(1)).to_string(16, true) == "FFFFFFFFFFFFFFFFFFFFFFFFF");
  CHECK((-BigInt(1).shifted_left(70)).to_string(8) == "-200000000000000000000000");
  CHECK(BigInt(1).shifted_left(65).to_string(2) == "1" + std::string(65, '0'));
  CHECK(str(*BigInt::from_digits("ffffffffffffffffffffffffffffff", 16)) == "1329227995784915872903807060280344575");
  CHECK(!BigInt::from_digits("12a", 10));
  CHECK(!BigInt::from_digits("", 10));
  CHECK(str(BigInt::from_double(-1.5e300)).substr(0, 6) == "-15000");
  CHECK(BigInt(0).to_string(16) == "0");
  CHECK(big("-9223372036854775808").fits_i64());
  CHECK(!big("9223372036854775808").fits_i64());
}
