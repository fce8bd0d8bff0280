#pragma once
// HTTP header fields in the order they came, looked up without regard to
// case (RFC 9110 §5.1). Names and values are kept as given; values are
// trimmed of surrounding blanks by whoever parses them.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace net {

class HttpHeaders {
public:
    using Field = std::pair<std::string, std::string>;

    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<Field> fields) : fields_(fields) {}

    void add(std::string name, std::string value);
    // Replaces every field of this name with one.
    void set(const std::string& name, std::string value);
    void remove(std::string_view name);
    void clear() { fields_.clear(); }

    // The first field of this name.
    std::optional<std::string> find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name).has_value(); }
    std::vector<std::string> findAll(std::string_view name) const;

    const std::vector<Field>& fields() const { return fields_; }
    std::size_t size() const { return fields_.size(); }
    bool empty() const { return fields_.empty(); }

    static bool namesEqual(std::string_view a, std::string_view b);

private:
    std::vector<Field> fields_;
};

}  // namespace net
