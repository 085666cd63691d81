#pragma once
// A small streaming JSON writer: objects, arrays, strings (UTF-8 kept as is), numbers, null.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dangbo::reports {

/// Writes indented JSON to a stream; the caller opens and closes containers in order.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, int indent = 2) : out_(out), indent_(indent) {}
  /// Starts an object (as a value, or after key()).
  JsonWriter& beginObject();
  /// Ends the current object.
  JsonWriter& endObject();
  /// Starts an array.
  JsonWriter& beginArray();
  /// Ends the current array.
  JsonWriter& endArray();
  /// Writes a key inside an object; the next call writes its value.
  JsonWriter& key(std::string_view k);
  /// A string value.
  JsonWriter& value(std::string_view s);
  /// A string value (avoids the bool overload for literals).
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  /// An integer value.
  JsonWriter& value(int64_t n);
  /// An integer value.
  JsonWriter& value(int n) { return value(int64_t(n)); }
  /// A boolean value.
  JsonWriter& value(bool b);
  /// A number already formatted (e.g. "101.4").
  JsonWriter& raw(std::string_view number);
  /// null.
  JsonWriter& null();
  /// An optional string: null when empty.
  JsonWriter& valueOrNull(const std::optional<std::string>& s) { return s ? value(*s) : null(); }
  /// Escapes a string as a JSON string literal with quotes.
  static std::string quote(std::string_view s);

 private:
  void beforeValue();
  void newline();
  std::ostream& out_;
  int indent_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool afterKey_ = false;
};

}  // namespace dangbo::reports
