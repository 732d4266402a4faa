import Foundation
import StudyCore

/// Screens the command line can open directly.
extension AppModel {
    public static func outlineScreen(context: AppContext) -> Screen {
        .outline(OutlineScreen(pack: context.pack))
    }

    /// A practice run or a cram run of missed questions; when there is nothing to ask,
    /// the outcome carries a message to show over Home instead.
    public static func practiceScreen(
        section: String?, subsection: String?, count: Int, missed: Bool, context: AppContext
    ) -> Outcome {
        let scope: PracticeScope = subsection.map { .subsection($0) } ?? section.map { .section($0) } ?? .all
        let outcome: Outcome
        if missed {
            let ids = context.progress.missed(among: scope.questionIDs(in: context.pack))
            if ids.isEmpty {
                return Outcome(
                    overlay: .message(
                        title: "Nothing to cram", body: "No question here was last answered wrong. Well done."))
            }
            outcome = PracticeScreen.start(
                title: "Cram: missed questions", ids: Array(ids.prefix(count)), mode: .cram, context: context,
                seed: seed(context))
        } else {
            outcome = PracticeScreen.start(scope: scope, count: count, mode: .practice, context: context)
        }
        return outcome
    }

    /// `proctor review`: the review session itself (or the cram run with `missed`).
    public static func reviewScreen(missed: Bool, context: AppContext) -> Outcome {
        let pack = context.pack
        let ids =
            missed
            ? context.progress.missed(among: pack.questions.map(\.id))
            : PracticeSelector.review(pack: pack, progress: context.progress, now: context.now)
        guard !ids.isEmpty else {
            let message = missed ? "No question was last answered wrong." : "Nothing is due and nothing was missed."
            return Outcome(
                navigation: .push(.review(ReviewScreen())),
                overlay: .message(title: "All caught up", body: message + " Practise new questions from Home."))
        }
        return PracticeScreen.start(
            title: missed ? "Cram: missed questions" : "Review: due and missed", ids: ids,
            mode: missed ? .cram : .review, context: context, seed: seed(context))
    }

    private static func seed(_ context: AppContext) -> UInt64 {
        Figures.seed(at: context.now)
    }
}
