// Members of a gzip-compressed tar archive (ustar, as CIFAR-10's), picked by their file name
// whatever folder the archive puts them in, each written atomically into one directory.
#pragma once
#include <string>
#include <vector>

namespace wgan {

// Writes each of `members` found in `archive` to `dir`/<member>. A member the archive lacks, or
// an archive that is not gzip + tar, is a UsageError naming it; a failed write a RunError.
void unpack_members(const std::string& archive, const std::vector<std::string>& members, const std::string& dir);

}  // namespace wgan
