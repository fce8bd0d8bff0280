#include "drivers/net/TestCertificate.h"

#include <cstdio>

#include "support/ChildProcess.h"

namespace nettest {

std::optional<TestCertificate> TestCertificate::create(const std::string& directory, const std::string& name,
                                                       const std::string& subjectAltName) {
    TestCertificate made{directory + "/" + name + ".pem", directory + "/" + name + ".key"};
    const std::string log = directory + "/" + name + ".openssl.log";
    const auto status = testsupport::ChildProcess::run(
        {"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", made.keyFile, "-out", made.certFile, "-days", "2", "-subj", "/CN=" + name, "-addext",
         "subjectAltName=" + subjectAltName},
        {}, log, 20000);
    if (!status || *status != 0) {
        std::fprintf(stderr, "openssl req failed for %s (see %s)\n", name.c_str(), log.c_str());
        return std::nullopt;
    }
    return made;
}

}  // namespace nettest
