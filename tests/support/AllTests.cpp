#include <CppUTest/CommandLineTestRunner.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

int main(int argc, char** argv) {
    // The reader, simulator, sync and UI tests allocate on several threads at
    // once; CppUTest's default leak-detector table is not locked and gets
    // corrupted by that (a rare segfault in getTotalLeaks). Lock it.
    MemoryLeakWarningPlugin::turnOnThreadSafeNewDeleteOverloads();
    return CommandLineTestRunner::RunAllTests(argc, argv);
}
