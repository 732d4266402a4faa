import TermUI
import StudyCore
