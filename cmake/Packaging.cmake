# Packages: `cpack` in the build folder (the package preset, scripts/package.sh)
# makes a Debian package and a .tar.gz from the install rules in packaging/.
# Depends comes from dpkg-shlibdeps (what the programs really link), plus the
# CJK font the app looks for through fontconfig.
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME "fieldvault")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "Fieldvault")
set(CPACK_PACKAGE_CONTACT "Fieldvault maintainers <security@fieldvault.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "secure, offline record of incidents of transnational repression")
set(CPACK_PACKAGE_DESCRIPTION
"Fieldvault keeps incident reports, photos, audio and documents in an
encrypted vault (a folder) on your own computer, and never connects to a
network. It is made for people who are watched, harassed or pressured
through their relatives by agents of a foreign government, and for the
advocates and lawyers who help them. Reports leave the vault only as
signed, sealed bundles that only the chosen organisations can open.

This package holds the desktop app (fieldvault) and the command-line
tool (fieldvault-cli).")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

# The .tar.gz: the same tree under one folder (bin/, share/); see
# share/doc/fieldvault/PORTABLE.txt in it for running from a USB stick.
# (The .deb's own name is Debian's: CPACK_DEBIAN_FILE_NAME above.)
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")

include(CPack)
