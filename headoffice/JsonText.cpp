#include "headoffice/JsonText.h"

namespace headoffice {

void JsonText::string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out.push_back(kHex[(c >> 4) & 0x0f]);
                    out.push_back(kHex[c & 0x0f]);
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

void JsonText::optionalString(std::string& out, const std::optional<std::string>& text) {
    if (text) {
        string(out, *text);
    } else {
        out += "null";
    }
}

void JsonText::optionalInteger(std::string& out, const std::optional<std::int64_t>& value) {
    out += value ? std::to_string(*value) : std::string("null");
}

}  // namespace headoffice
