#pragma once
// The stages an old candidate's file already records (quan_chung.csv, a merge's candidates), walked through
// the admissions page's rules in the page's order (issue 14, "One door per record"): a file cannot use a
// later stage (a decision, a ceremony) to skip the checks of the earlier ones. For each stage the file
// carries and the register does not hold yet, in order (certificate, sponsors, the cell's vote, the decision,
// the ceremony): the account may change the candidates of the cell (a secretary: their own cell), the file is
// in progress, every earlier stage the file can carry is recorded, the day is not before the file's latest
// day nor in the future; two different sponsors, each (when the file records the vote: the sponsorship's own
// day is not in it) an official member of the cell on the day of the vote; the vote's number in favour
// reaching admission.cell_vote_share of the official members counted from the register, the candidate's age
// within admission.min_age and admission.max_age at the vote, the certificate still valid then. A stage
// recorded already is not rewritten. The stages the file has no column for (application, personal history,
// background check, mass organizations' comments, the committee's resolution) are not required; neither are
// the numbers of the certificate and the decision, nor a sponsor's "known since" (the file has none). The
// ceremony records its day: the member it made is the members file's (dang_vien.csv), not created again. Each
// recorded stage leaves the page's audit row (candidate.certificate, .sponsors, .cell_vote, .decision,
// .ceremony) with the reason given (the file's name).
#include <optional>
#include <string>

#include "core/Date.h"
#include "core/Records.h"
#include "services/Actor.h"

namespace dangbo::services {

class Services;

/// The stages an old file records; each optional.
struct FileStages {
  std::optional<core::Date> certificateOn;  ///< the awareness-course certificate
  std::string sponsor1, sponsor2;           ///< member codes of the sponsors
  std::optional<core::Date> cellVoteOn;     ///< the cell's vote
  std::optional<int> cellVoteInFavour;      ///< official members in favour
  std::optional<core::Date> decisionOn;     ///< the admission decision
  std::optional<core::Date> ceremonyOn;     ///< the ceremony
  /// The stages come from another dangbo register (a merge), whose page judged what the file does not carry:
  /// the province's approval of a candidate over admission.max_age, the youth union's resolution in place of
  /// a second sponsor, and the vote's count of the cell's official members (made against its own register).
  /// Those are not judged again.
  bool otherRegister = false;
};

/// The checks of recordFileStages alone, nothing written, on `file` (the candidate as stored, or as it will
/// be listed): throws PermissionError or DataError; `field` (when given) names the value refused:
/// "certificate_on", "sponsor1", "sponsor2", "cell_vote_on", "cell_vote_in_favour", "decision_on" or
/// "ceremony_on".
void checkFileStages(Services& s, const Actor& actor, const core::Candidate& file, const FileStages& stages,
                     std::string* field = nullptr);
/// Records the stages of the stored candidate `code` (see above), in one transaction with an audit row each.
void recordFileStages(Services& s, const Actor& actor, const std::string& code, const FileStages& stages,
                      const std::string& reason);

}  // namespace dangbo::services
