// Passphrases typed on a terminal: prompted, not echoed, asked twice for a
// new one. Runs the CLI on a pseudo-terminal (forkpty) as a person would.
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "cli_fixture.h"

namespace fv::test {
namespace {

class TerminalSession {
public:
    explicit TerminalSession(const std::vector<std::string>& args) {
        std::vector<std::string> argv_strings{FIELDVAULT_CLI_PATH};
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : argv_strings) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_ = ::forkpty(&master_, nullptr, nullptr, nullptr);
        if (pid_ < 0) throw std::runtime_error("forkpty failed");
        if (pid_ == 0) {
            ::setenv("FIELDVAULT_TEST_FAST_KDF", "1", 1);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    ~TerminalSession() {
        if (master_ >= 0) ::close(master_);
        if (pid_ > 0 && !waited_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }

    // Reads until `text` has appeared in the output (or the child closes the terminal).
    bool wait_for(const std::string& text) {
        while (output_.find(text, consumed_) == std::string::npos) {
            if (!read_some()) return false;
        }
        consumed_ = output_.find(text, consumed_) + text.size();
        return true;
    }
    void type(const std::string& text) {
        if (::write(master_, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            throw std::runtime_error("write to terminal failed");
    }
    int finish() {
        while (read_some()) {
        }
        int status = 0;
        ::waitpid(pid_, &status, 0);
        waited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    const std::string& output() const { return output_; }

private:
    bool read_some() {
        pollfd p{master_, POLLIN, 0};
        if (::poll(&p, 1, 30000) <= 0) return false;  // a hung child fails the test, not CI
        char buffer[4096];
        const ssize_t n = ::read(master_, buffer, sizeof buffer);
        if (n <= 0) return false;  // EIO once the child has exited
        output_.append(buffer, static_cast<std::size_t>(n));
        return true;
    }

    int master_ = -1;
    pid_t pid_ = -1;
    bool waited_ = false;
    std::string output_;
    std::size_t consumed_ = 0;
};

TEST_F(CliTest, TerminalInitAsksTwiceAndDoesNotEcho) {
    TerminalSession init({"--vault", vault_dir().string(), "init"});
    ASSERT_TRUE(init.wait_for("New passphrase: ")) << init.output();
    init.type("typed-secret-91ab\n");
    ASSERT_TRUE(init.wait_for("Repeat to confirm: ")) << init.output();
    init.type("typed-secret-91ab\n");
    EXPECT_EQ(init.finish(), 0) << init.output();
    EXPECT_NE(init.output().find("Recovery key: "), std::string::npos);
    EXPECT_EQ(init.output().find("typed-secret"), std::string::npos) << "the passphrase was echoed";

    TerminalSession check({"--vault", vault_dir().string(), "unlock-check"});
    ASSERT_TRUE(check.wait_for("Passphrase: ")) << check.output();
    check.type("typed-secret-91ab\n");
    EXPECT_EQ(check.finish(), 0) << check.output();
    EXPECT_EQ(check.output().find("typed-secret"), std::string::npos);
}

TEST_F(CliTest, TerminalInitRefusesTwoDifferentPassphrases) {
    TerminalSession init({"--vault", vault_dir().string(), "init"});
    ASSERT_TRUE(init.wait_for("New passphrase: ")) << init.output();
    init.type("first-one\n");
    ASSERT_TRUE(init.wait_for("Repeat to confirm: ")) << init.output();
    init.type("second-one\n");
    EXPECT_EQ(init.finish(), 1);
    EXPECT_NE(init.output().find("do not match"), std::string::npos) << init.output();
    EXPECT_EQ(cli({"unlock-check"}, "first-one\n").exit_code, 1);  // no vault was made
}

TEST_F(CliTest, TerminalRecoverAsksForTheKeyWithoutEcho) {
    const auto created = init_vault();
    TerminalSession recover({"--vault", vault_dir().string(), "recover"});
    ASSERT_TRUE(recover.wait_for("Recovery key: ")) << recover.output();
    recover.type(created.recovery_key + "\n");
    ASSERT_TRUE(recover.wait_for("New passphrase: ")) << recover.output();
    recover.type("typed-after-recovery\n");
    ASSERT_TRUE(recover.wait_for("Repeat to confirm: ")) << recover.output();
    recover.type("typed-after-recovery\n");
    EXPECT_EQ(recover.finish(), 0) << recover.output();
    EXPECT_EQ(recover.output().find(created.recovery_key.substr(5)), std::string::npos) << "the key was echoed";
    EXPECT_EQ(recover.output().find("typed-after"), std::string::npos) << "the passphrase was echoed";
    EXPECT_EQ(cli({"unlock-check"}, "typed-after-recovery\n").exit_code, 0);
}

TEST_F(CliTest, TerminalEchoIsRestoredAfterAnInterruptedPrompt) {
    int master = -1;
    // The child prints its terminal's ECHO flag after the CLI was killed mid-prompt.
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // Ctrl-C reaches the whole foreground group: this process catches it
        // (a handler, unlike SIG_IGN, does not survive exec into the CLI).
        struct sigaction catch_it {};
        catch_it.sa_handler = [](int) {};
        ::sigaction(SIGINT, &catch_it, nullptr);
        const pid_t cli = ::fork();
        if (cli == 0) {
            ::execl(FIELDVAULT_CLI_PATH, FIELDVAULT_CLI_PATH, "--vault", "/nonexistent-but-irrelevant", "init",
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        int status = 0;
        while (::waitpid(cli, &status, 0) < 0 && errno == EINTR) {
        }
        termios after{};
        ::tcgetattr(STDIN_FILENO, &after);
        const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGINT;
        ::_exit(((after.c_lflag & ECHO) != 0 ? 10 : 20) + (killed ? 1 : 0));
    }
    std::string output;
    char buffer[4096];
    while (output.find("New passphrase: ") == std::string::npos) {
        pollfd p{master, POLLIN, 0};
        ASSERT_GT(::poll(&p, 1, 30000), 0) << output;
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        ASSERT_GT(n, 0) << output;
        output.append(buffer, static_cast<std::size_t>(n));
    }
    // Ctrl-C on the terminal: SIGINT to the foreground process group.
    const char ctrl_c = '\x03';
    ASSERT_EQ(::write(master, &ctrl_c, 1), 1);
    for (;;) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 30000) <= 0) break;
        if (::read(master, buffer, sizeof buffer) <= 0) break;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 11) << "10 = echo on but not killed by SIGINT, 20/21 = echo left off";
}

}  // namespace
}  // namespace fv::test
