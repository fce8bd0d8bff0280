#pragma once
// A self-signed certificate and its key, made at test time with the openssl
// command line into a directory (EC P-256, valid two days).

#include <optional>
#include <string>

namespace nettest {

struct TestCertificate {
    std::string certFile;
    std::string keyFile;

    // subjectAltName, e.g. "IP:127.0.0.1,DNS:localhost". nullopt (and a
    // line on stderr) when openssl fails.
    static std::optional<TestCertificate> create(const std::string& directory, const std::string& name,
                                                 const std::string& subjectAltName);
};

}  // namespace nettest
