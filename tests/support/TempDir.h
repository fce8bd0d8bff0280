#pragma once
// A fresh directory under $TMPDIR (or /tmp), removed with its contents on
// destruction unless KIOSK_KEEP_TEST_FILES is set.

#include <string>

namespace testsupport {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "kiosk-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

}  // namespace testsupport
