// core's places: where the vault, the demo vault and the settings live,
// installed, under a plain name, and portable (flag or marker file).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "fieldvault/core/places.h"
#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

namespace fs = std::filesystem;

EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(std::string(name));
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "fv-places-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Restores the process's place options after a test changes them.
struct KeepPlaceOptions {
    PlaceOptions saved = place_options();
    ~KeepPlaceOptions() { set_place_options(saved); }
};

TEST(Places, InstalledFollowsXdgThenHome) {
    TempDir program;
    const PlaceOptions options{false, "", program.path()};
    const auto home = resolve_places(options, env_of({{"HOME", "/home/li"}}));
    EXPECT_FALSE(home.portable);
    EXPECT_EQ(home.title, "Fieldvault");
    EXPECT_EQ(home.vault_dir, "/home/li/.local/share/fieldvault/vault");
    EXPECT_EQ(home.demo_dir, "/home/li/.local/share/fieldvault/demo");
    EXPECT_EQ(home.settings_file, "/home/li/.config/fieldvault/settings.json");
    EXPECT_TRUE(home.cache_dir.empty());

    const auto xdg = resolve_places(
        options, env_of({{"HOME", "/home/li"}, {"XDG_DATA_HOME", "/d"}, {"XDG_CONFIG_HOME", "/c"}}));
    EXPECT_EQ(xdg.vault_dir, "/d/fieldvault/vault");
    EXPECT_EQ(xdg.demo_dir, "/d/fieldvault/demo");
    EXPECT_EQ(xdg.settings_file, "/c/fieldvault/settings.json");

    // The XDG spec: a relative value is ignored.
    const auto relative = resolve_places(options, env_of({{"HOME", "/home/li"}, {"XDG_DATA_HOME", "rel"}}));
    EXPECT_EQ(relative.vault_dir, "/home/li/.local/share/fieldvault/vault");

    // No home at all: no default folder (the faces then ask for --vault).
    const auto none = resolve_places(options, env_of({}));
    EXPECT_TRUE(none.vault_dir.empty());
    EXPECT_TRUE(none.settings_file.empty());
}

TEST(Places, PlainNameGivesNeutralFoldersAndTitle) {
    TempDir program;
    const auto places =
        resolve_places({false, "My Notes", program.path()}, env_of({{"HOME", "/home/li"}}));
    EXPECT_EQ(places.title, "My Notes");
    EXPECT_EQ(places.vault_dir, "/home/li/.local/share/my-notes");
    EXPECT_EQ(places.demo_dir, "/home/li/.local/share/my-notes-sample");
    EXPECT_EQ(places.settings_file, "/home/li/.config/my-notes/settings.json");
    for (const auto& p : {places.vault_dir, places.demo_dir, places.settings_file})
        EXPECT_EQ(p.string().find("fieldvault"), std::string::npos) << p;
}

TEST(Places, PlainNameSlugAndProblems) {
    EXPECT_EQ(plain_name_slug("Notes"), "notes");
    EXPECT_EQ(plain_name_slug("  Shopping list 2! "), "shopping-list-2");
    EXPECT_EQ(plain_name_slug("../../etc"), "etc");
    EXPECT_EQ(plain_name_slug(".hidden"), "hidden");
    EXPECT_EQ(plain_name_slug("笔记"), "笔记");
    EXPECT_EQ(plain_name_slug("!!!"), "");
    EXPECT_TRUE(plain_name_problem("Notes").empty());
    EXPECT_TRUE(plain_name_problem("笔记").empty());
    EXPECT_FALSE(plain_name_problem("").empty());
    EXPECT_FALSE(plain_name_problem("...").empty());
    EXPECT_FALSE(plain_name_problem("my fieldvault").empty());
    EXPECT_FALSE(plain_name_problem("FieldVault").empty());
    EXPECT_FALSE(plain_name_problem("a\nb").empty());
    EXPECT_FALSE(plain_name_problem(std::string(kMaxPlainNameBytes + 1, 'a')).empty());
    TempDir program;
    EXPECT_THROW((void)resolve_places({false, "...", program.path()}, env_of({{"HOME", "/h"}})), Error);
}

TEST(Places, PortableFlagKeepsEverythingBesideTheProgram) {
    TempDir program;
    const auto env = env_of({{"HOME", "/home/li"}, {"XDG_DATA_HOME", "/d"}, {"XDG_CONFIG_HOME", "/c"}});
    const auto places = resolve_places({true, "", program.path()}, env);
    EXPECT_TRUE(places.portable);
    EXPECT_EQ(places.root, program.path());
    EXPECT_EQ(places.vault_dir, program.path() / "vault");
    EXPECT_EQ(places.demo_dir, program.path() / "demo");
    EXPECT_EQ(places.settings_file, program.path() / "settings.json");
    EXPECT_EQ(places.cache_dir, program.path() / "cache");
}

TEST(Places, MarkerFileTurnsPortableOnAndMayHoldThePlainName) {
    TempDir program;
    const auto env = env_of({{"HOME", "/home/li"}});
    EXPECT_FALSE(portable_marker_present(program.path()));
    EXPECT_FALSE(resolve_places({false, "", program.path()}, env).portable);

    std::ofstream(program.path() / "fieldvault-portable").close();
    EXPECT_TRUE(portable_marker_present(program.path()));
    auto places = resolve_places({false, "", program.path()}, env);
    EXPECT_TRUE(places.portable);
    EXPECT_EQ(places.vault_dir, program.path() / "vault");
    EXPECT_EQ(places.title, "Fieldvault");

    std::ofstream(program.path() / "fieldvault-portable") << "Recipes\n";
    places = resolve_places({false, "", program.path()}, env);
    EXPECT_EQ(places.title, "Recipes");
    EXPECT_EQ(places.vault_dir, program.path() / "recipes");
    EXPECT_EQ(places.settings_file, program.path() / "settings.json");

    // A damaged marker still means portable, with no plain name.
    std::ofstream(program.path() / "fieldvault-portable") << "...\n";
    places = resolve_places({false, "", program.path()}, env);
    EXPECT_TRUE(places.portable);
    EXPECT_EQ(places.title, "Fieldvault");

    // A folder named like the marker is not a marker.
    TempDir other;
    fs::create_directory(other.path() / "fieldvault-portable");
    EXPECT_FALSE(resolve_places({false, "", other.path()}, env).portable);
}

TEST(Places, ChoosingAPlainNamePortableWritesTheMarker) {
    KeepPlaceOptions keep;
    TempDir program;
    std::ofstream(program.path() / "fieldvault-portable").close();
    set_place_options({false, "", program.path()});
    EXPECT_THROW(choose_plain_name("fieldvault", env_of({{"HOME", "/nonexistent"}})), Error);
    choose_plain_name("Recipes", env_of({{"HOME", "/nonexistent"}}));
    EXPECT_EQ(slurp(program.path() / "fieldvault-portable"), "Recipes\n");
    EXPECT_EQ(place_options().plain_name, "Recipes");
    EXPECT_EQ(current_places().vault_dir, program.path() / "recipes");
    EXPECT_EQ(current_places().title, "Recipes");
}

TEST(Places, ChoosingAPlainNameInstalledWritesTheMenuEntry) {
    KeepPlaceOptions keep;
    TempDir program, home;
    const auto env = env_of({{"HOME", home.path().string()}});
    set_place_options({false, "", program.path()});
    choose_plain_name("Notes \"x\"", env);
    const auto entry = home.path() / ".local/share/applications/org.fieldvault.Fieldvault.desktop";
    ASSERT_EQ(entry, desktop_entry_file(env));
    const auto text = slurp(entry);
    EXPECT_NE(text.find("\nName=Notes \"x\"\n"), std::string::npos) << text;
    // Exec quoting per the desktop entry spec: \" inside quotes, the backslash doubled.
    EXPECT_NE(text.find("Exec=\"" + (program.path() / "fieldvault").string() + "\" --as \"Notes \\\\\"x\\\\\"\"\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("Fieldvault"), std::string::npos) << "the entry's text says nothing of Fieldvault";
    struct stat st {};
    ASSERT_EQ(::stat(entry.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(place_options().plain_name, "Notes \"x\"");
}

TEST(Places, ConfineSetsCachesIntoThePortableFolder) {
    TempDir program;
    Places places = resolve_places({true, "", program.path()}, env_of({}));
    const std::vector<const char*> names{"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                                         "TMPDIR", "MESA_SHADER_CACHE_DISABLE", "MESA_GLSL_CACHE_DISABLE"};
    std::vector<std::optional<std::string>> saved;
    for (const char* name : names) saved.push_back(process_env(name));
    auto restore = [&] {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (saved[i]) ::setenv(names[i], saved[i]->c_str(), 1);
            else ::unsetenv(names[i]);
        }
    };
    ::unsetenv("MESA_SHADER_CACHE_DISABLE");
    confine_to_portable_folder(places);
    EXPECT_EQ(process_env("XDG_CACHE_HOME"), (program.path() / "cache").string());
    EXPECT_EQ(process_env("XDG_CONFIG_HOME"), (program.path() / "cache" / "config").string());
    EXPECT_EQ(process_env("TMPDIR"), (program.path() / "cache" / "tmp").string());
    EXPECT_EQ(process_env("MESA_SHADER_CACHE_DISABLE"), "true");
    EXPECT_TRUE(fs::is_directory(program.path() / "cache" / "tmp"));
    restore();

    // Not portable: nothing changes.
    TempDir other;
    ::unsetenv("MESA_SHADER_CACHE_DISABLE");
    confine_to_portable_folder(resolve_places({false, "", other.path()}, env_of({{"HOME", "/h"}})));
    EXPECT_FALSE(process_env("MESA_SHADER_CACHE_DISABLE").has_value());
    EXPECT_TRUE(fs::is_empty(other.path()));
    restore();
}

TEST(Places, ExportFileNameSaysNothing) {
    const auto name = neutral_export_file_name(std::time_t{1773500000});
    EXPECT_EQ(name.size(), std::string("2026-03-14.bin").size()) << name;
    EXPECT_EQ(name.substr(name.size() - 4), ".bin");
    EXPECT_EQ(name.find("fieldvault"), std::string::npos);
    EXPECT_EQ(name.find("fvb"), std::string::npos);
}

TEST(Places, VersionIsTheProjects) { EXPECT_FALSE(program_version().empty()); }

}  // namespace
}  // namespace fv::core
