#pragma once
// A small real filesystem for tests of full and read-only disks: a tmpfs of
// a given size mounted on a directory (which must exist), unmounted on
// destruction. Mounting needs root (CAP_SYS_ADMIN); when it is not allowed,
// mounted() is false and why() says so, and the test falls back to a
// simulation and says which one ran. KIOSK_TEST_NO_MOUNT=1 forces that
// fallback (to exercise it on a machine that could mount).

#include <cstddef>
#include <string>

namespace testsupport {

class TmpfsMount {
public:
    TmpfsMount(std::string directory, std::size_t bytes);
    ~TmpfsMount();
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& why() const { return why_; }
    const std::string& path() const { return directory_; }

    // Fails (false, why() set) while a file on it is open for writing.
    bool remountReadOnly();
    bool remountReadWrite();

private:
    bool remount(bool readOnly);

    std::string directory_;
    bool mounted_ = false;
    std::string why_;
};

}  // namespace testsupport
